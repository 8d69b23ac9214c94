import type { EntityType, LexiconEntity, Mention } from './types.js';

interface Referent {
  type: EntityType;
  entity: LexiconEntity;
}

const key = (text: string): string => text.toLowerCase();
const SURNAME_LENDER_CONFIDENCE = 0.6;

const setOnce = (map: Map<string, Referent>, name: string, referent: Referent): void => {
  if (!map.has(key(name))) map.set(key(name), referent);
};

/**
 * A short form a full name lends: a person's surname ("Altman"), only for people recognised
 * on evidence (first name, title); an organisation's first word ("Saab" for "Saab Automobile").
 */
function shortForm(m: Mention): string | undefined {
  if (m.to - m.from < 2) return undefined;
  if (m.type === 'person' && m.confidence >= SURNAME_LENDER_CONFIDENCE) return m.text.slice(m.text.lastIndexOf(' ') + 1);
  if (m.type === 'organisation' && !m.entity) return m.text.slice(0, m.text.indexOf(' '));
  return undefined;
}

/** Names a later short mention may refer to: full forms first, then short forms. */
function referents(mentions: readonly Mention[]): Map<string, Referent> {
  const byName = new Map<string, Referent>();
  const short = new Map<string, Referent>();
  for (const m of mentions) {
    if (m.weak) continue;
    const referent = { type: m.type, entity: m.entity ?? { type: m.type, name: m.text, qid: '' } };
    setOnce(byName, m.text, referent);
    const form = shortForm(m);
    if (form) setOnce(short, form, referent);
  }
  // A short form beats a one-word mention typed as a person by default.
  for (const [form, referent] of short) if (!byName.has(form) || byName.get(form)!.type === 'person') byName.set(form, referent);
  return byName;
}

/**
 * Gives short or unproven mentions the identity of a fuller one in the same text
 * ("Sam Altman" ... "Altman"), and drops unproven mentions nothing vouches for.
 */
export function linkMentions(mentions: readonly Mention[]): Mention[] {
  const known = referents(mentions);
  const out: Mention[] = [];
  for (const m of mentions) {
    const referent = m.entity ? undefined : known.get(key(m.text));
    if (referent && (m.weak || m.confidence < 0.75 || referent.type === m.type)) {
      out.push({ ...m, type: referent.type, entity: referent.entity, weak: false, confidence: Math.max(m.confidence, 0.7) });
    } else if (!m.weak) {
      out.push(m);
    }
  }
  return out;
}
