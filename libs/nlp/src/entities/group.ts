import type { EntityTag } from '#contracts';
import type { Mention } from './types.js';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const entityId = (m: Mention, name: string): string => m.entity?.qid || `${m.type}:${slug(name) || 'x'}`;

/** One EntityTag per entity, mentions in text order, most mentioned first. */
export function groupMentions(mentions: readonly Mention[], taggerId: string): EntityTag[] {
  const tags = new Map<string, EntityTag>();
  const ids = new Map<string, string>(); // the slug is made once per name, not per mention
  for (const m of mentions) {
    const name = m.entity?.name ?? m.text;
    const key = `${m.type}|${name}|${m.entity?.qid ?? ''}`;
    const id = ids.get(key) ?? entityId(m, name);
    ids.set(key, id);
    let tag = tags.get(id);
    if (!tag) {
      tag = { id, type: m.type, name, mentions: [], count: 0, provenance: { source: 'enrichment', by: taggerId, confidence: 0 } };
      if (m.text !== name) tag.localName = m.text;
      tags.set(id, tag);
    }
    tag.mentions.push({ start: m.start, end: m.end, text: m.text });
    tag.count++;
    tag.provenance.confidence = Math.max(tag.provenance.confidence ?? 0, m.confidence);
  }
  return [...tags.values()].sort((a, b) => b.count - a.count || a.mentions[0]!.start - b.mentions[0]!.start);
}
