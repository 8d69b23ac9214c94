import { beforeAll, describe, expect, it } from '@jest/globals';
import { CanonicalArticle as CanonicalArticleSchema, validatorFor, type CanonicalArticle, type EntityTag, type SubjectTag, untagged } from '#contracts';
import { createEnricher, type Enricher, type EntityTaggerPort } from './enrich.js';

const NOW = new Date('2025-06-20T10:00:00.000Z');
const BODY =
  'Meta a proposé plus de 100 millions de dollars à des ingénieurs d’OpenAI, selon Sam Altman. ' +
  'Le groupe investit 14 milliards de dollars dans Scale AI, une start-up d’intelligence artificielle, ' +
  'pour renforcer ses équipes de recherche. L’accord a été annoncé mardi.';

/** A stand-in entity tagger: finds "OpenAI" and "Meta" with offsets into the text it is given. */
const fakeEntities: EntityTaggerPort = {
  tag(text: string): EntityTag[] {
    return ['OpenAI', 'Meta']
      .filter((name) => text.includes(name))
      .map((name) => {
        const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index, end: m.index + name.length, text: name }));
        return {
          id: `organisation:${name.toLowerCase()}`,
          type: 'organisation',
          name,
          mentions,
          count: mentions.length,
          provenance: { source: 'enrichment', by: 'fake', confidence: 0.8 },
        };
      });
  },
};

function article(overrides: Partial<CanonicalArticle> = {}): CanonicalArticle {
  return {
    id: '3f1c1b2a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    source: 'afp',
    version: 1,
    headline: 'Meta tente de racheter les cerveaux d’OpenAI',
    bodyHtml: `<p>${BODY}</p>`,
    bodyText: BODY,
    pubStatus: 'usable',
    versionCreated: '2025-06-20T08:00:00.000Z',
    section: 'Économie',
    ...untagged(),
    ...overrides,
  };
}

const providerSubject: SubjectTag = { code: 'medtop:20000200', scheme: 'medtop', name: 'joint venture', provenance: { source: 'provider', by: 'afp' } };
const editorOrg: EntityTag = {
  id: 'Q380',
  type: 'organisation',
  name: 'Meta',
  mentions: [],
  count: 0,
  provenance: { source: 'editor', by: 'desk' },
};

describe('enricher', () => {
  let enricher: Enricher;
  beforeAll(async () => {
    enricher = await createEnricher({ version: '1.2.3', entityTagger: fakeEntities, now: () => NOW });
  });

  it('fills language, facts, topics, keywords, amounts and dates with provenance', () => {
    const out = enricher.enrich(article());
    expect(enricher.taggerId).toBe('nlp@1.2.3');
    expect(out.language).toBe('fr');
    expect(out.facts).toMatchObject({ tagger: 'nlp@1.2.3', enrichedAt: NOW.toISOString(), readingTimeMinutes: 1 });
    expect(out.facts?.language?.code).toBe('fr');
    expect(out.facts?.slug).toBe('meta-tente-de-racheter-les-cerveaux-d-openai');
    expect(out.subjects[0].code).toBe('medtop:04000000');
    expect(out.amounts?.map((a) => [a.value, a.currency])).toEqual([
      [1e8, 'USD'],
      [1.4e10, 'USD'],
    ]);
    expect(out.dates?.[0]).toMatchObject({ date: '2025-06-17', text: 'mardi' });
    expect(out.keywords.length).toBeGreaterThanOrEqual(5);
    for (const tag of [...out.subjects, ...out.keywords, ...out.organisations]) {
      expect(tag.provenance).toMatchObject({ source: 'enrichment', by: 'nlp@1.2.3' });
    }
  });

  it('gives entity offsets into bodyText, or into the headline for a mention marked so', () => {
    const out = enricher.enrich(article());
    const mentions = out.organisations.flatMap((org) => org.mentions);
    for (const m of mentions) expect((m.field === 'headline' ? out.headline : out.bodyText).slice(m.start, m.end)).toBe(m.text);
    expect(mentions.filter((m) => !m.field).length).toBeGreaterThan(0);
  });

  it('trusts a provider language written in the text’s script, without detecting one', () => {
    const out = enricher.enrich(article({ language: 'en' }));
    expect(out.language).toBe('en');
    expect(out.facts?.language).toBeUndefined();
  });

  it('detects when the declared language is not written in the text’s script, and records what it measured', () => {
    const out = enricher.enrich(article({ language: 'ru' }));
    expect(out.language).toBe('ru');
    expect(out.facts?.language?.code).toBe('fr');
  });

  it('never overwrites provider or editor tags and drops automatic duplicates of them', () => {
    const out = enricher.enrich(article({ subjects: [providerSubject], organisations: [editorOrg] }));
    expect(out.subjects[0]).toBe(providerSubject);
    expect(out.organisations[0]).toBe(editorOrg);
    expect(out.organisations.filter((o) => o.name === 'Meta')).toHaveLength(1);
    expect(out.organisations.map((o) => o.name)).toContain('OpenAI');
  });

  it('never puts back a tag an editor removed, on this run or the next', () => {
    const first = enricher.enrich(article());
    const openai = first.organisations.find((o) => o.name === 'OpenAI')!;
    const keyword = first.keywords[0]!;
    const rejectedTags = [
      { type: 'organisation' as const, id: 'some-other-id', name: 'OpenAI' },
      { type: 'keyword' as const, id: keyword.value.toUpperCase() },
    ];
    const again = enricher.enrich(enricher.enrich(article({ rejectedTags })));
    expect(openai).toBeDefined();
    expect(again.organisations.map((o) => o.name)).not.toContain('OpenAI');
    expect(again.organisations.map((o) => o.name)).toContain('Meta');
    expect(again.keywords.map((k) => k.value)).not.toContain(keyword.value);
    expect(again.rejectedTags).toEqual(rejectedTags);
  });

  it('replaces only its own tags when run again', () => {
    const once = enricher.enrich(article({ subjects: [providerSubject] }));
    const twice = enricher.enrich(once);
    expect(twice.subjects).toEqual(once.subjects);
    expect(twice.keywords).toEqual(once.keywords);
    expect(twice.organisations).toEqual(once.organisations);
    expect(twice.subjects.filter((s) => s.provenance.source === 'provider')).toEqual([providerSubject]);
  });

  it('produces articles that satisfy the CanonicalArticle contract', () => {
    const validator = validatorFor('CanonicalArticle', CanonicalArticleSchema);
    for (const input of [article(), article({ bodyText: '', headline: 'x' }), article({ language: 'de', bodyText: 'Der Bund zahlt 5 Mio. Euro.' })]) {
      expect(validator.issues(enricher.enrich(input))).toEqual([]);
    }
  });

  it('loads the entity tagger of ./entities by default, and tags the headline too', async () => {
    const withDefaults = await createEnricher({ version: '1.2.3', now: () => NOW });
    const out = withDefaults.enrich(article());
    const tags = [...out.people, ...out.organisations, ...out.places];
    for (const tag of tags) for (const m of tag.mentions) expect((m.field === 'headline' ? out.headline : out.bodyText).slice(m.start, m.end)).toBe(m.text);
    // "Meta tente de racheter les cerveaux d’OpenAI": both names are found in the headline.
    const inHeadline = tags.filter((t) => t.mentions.some((m) => m.field === 'headline')).map((t) => t.name);
    expect(inHeadline).toEqual(expect.arrayContaining(['Meta', 'OpenAI']));
    for (const tag of tags) expect(tag.provenance).toMatchObject({ source: 'enrichment', by: expect.stringMatching(/^nlp@1\.2\.3\+ner\.[0-9a-f]{12}$/) });
    expect(out.facts?.tagger).toBe(withDefaults.taggerId);
  });

  it('does not emit automatic entities or topics below the confidence threshold', async () => {
    const strict = await createEnricher({ version: '1.2.3', entityTagger: fakeEntities, minConfidence: 0.9, now: () => NOW });
    const out = strict.enrich(article());
    expect(out.organisations).toEqual([]); // the stand-in gives 0.8
    expect(out.subjects[0]?.code).toBe('medtop:04000000'); // the primary topic stays
    for (const s of out.subjects.slice(1)) expect(s.score).toBeGreaterThanOrEqual(0.9);
    expect(enricher.enrich(article()).organisations.length).toBeGreaterThan(0);
  });

  it('does not modify its input', () => {
    const input = article();
    const copy = structuredClone(input);
    enricher.enrich(input);
    expect(input).toEqual(copy);
  });
});
