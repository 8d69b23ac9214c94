import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { untagged } from '#contracts';
import type { ArticleEnrichedV1, CanonicalArticle, SubjectTag } from '#contracts';
import { PermanentError } from '#messaging';
import { planRevision, type CurrentState } from './revision-planner.js';

const now = new Date('2026-11-26T12:00:00Z');
const topic = (code: string, source: 'enrichment' | 'editor' = 'enrichment'): SubjectTag => ({
  code,
  scheme: 'medtop',
  provenance: { source, by: 'nlp@1.0.0' },
});
const article = (over: Partial<CanonicalArticle> = {}): CanonicalArticle => ({
  id: 'a6a4b0d4-4c35-4c38-9f5e-0d8f3c1b8e11',
  source: 'editor',
  version: 1,
  headline: 'Titre',
  bodyHtml: '<p>x</p>',
  bodyText: 'x',
  pubStatus: 'usable',
  versionCreated: now.toISOString(),
  firstCreated: '2026-11-26T08:00:00Z',
  ...untagged(),
  ...over,
});
const event = (action: ArticleEnrichedV1['action'], over: Partial<ArticleEnrichedV1> = {}): ArticleEnrichedV1 => ({
  action,
  article: article(),
  receivedAt: now.toISOString(),
  ...over,
});
const stored = (over: Partial<CurrentState> = {}): CurrentState => ({
  id: article().id,
  revision: 1,
  status: 'published',
  publishedAt: now,
  document: article(),
  ...over,
});

describe('planRevision', () => {
  it('publishes a new story, or holds it silently while under embargo', () => {
    expect(planRevision(undefined, event('submit'), now)).toMatchObject({ status: 'published', lifecycle: 'published' });
    const embargoed = planRevision(undefined, event('submit', { article: article({ embargo: '2026-11-26T13:00:00Z' }) }), now);
    expect(embargoed).toMatchObject({ status: 'embargoed' });
    expect(embargoed?.lifecycle).toBeUndefined();
  });

  it('announces the first visible version of a story held under embargo as published, later ones as updated or corrected', () => {
    const held = stored({ status: 'embargoed', publishedAt: null });
    expect(planRevision(held, event('update'), now)?.lifecycle).toBe('published');
    expect(planRevision(stored(), event('update'), now)?.lifecycle).toBe('updated');
    expect(planRevision(stored(), event('correct', { correction: 'Erratum' }), now)?.lifecycle).toBe('corrected');
    // Once told, consumers cannot be untold: a later embargo does not hide the story.
    expect(planRevision(stored(), event('update', { article: article({ embargo: '2026-11-27T00:00:00Z' }) }), now)?.status).toBe('published');
  });

  it("keeps every correction note, and the story's identity, across later versions", () => {
    const first = planRevision(stored({ document: article({ source: 'afp', externalId: 'x-1' }) }), event('correct', { correction: 'Un' }), now)!;
    expect(first.document).toMatchObject({ source: 'afp', externalId: 'x-1', firstCreated: '2026-11-26T08:00:00Z' });
    const second = planRevision(stored({ revision: 2, document: first.document }), event('update'), now)!;
    expect(second.document.corrections).toEqual([{ note: 'Un', revision: 2, correctedAt: now.toISOString() }]);
  });

  it('kills with the reason, silently when consumers never heard of the story', () => {
    expect(planRevision(stored(), event('kill', { killReason: 'Juridique' }), now)).toMatchObject({
      status: 'killed',
      lifecycle: 'killed',
      note: 'Juridique',
      document: { pubStatus: 'canceled' },
    });
    expect(planRevision(stored({ status: 'embargoed', publishedAt: null }), event('kill'), now)?.lifecycle).toBeUndefined();
  });

  it('refuses what cannot happen: anything after a kill, a kill or correction of nothing', () => {
    expect(() => planRevision(stored({ status: 'killed' }), event('update'), now)).toThrow(PermanentError);
    expect(() => planRevision(undefined, event('kill'), now)).toThrow(PermanentError);
    expect(() => planRevision(undefined, event('correct'), now)).toThrow(PermanentError);
    expect(planRevision(stored({ status: 'killed' }), event('reenrich'), now)).toBeUndefined();
  });

  it('makes a revision on re-enrichment only when the automatic tags changed, keeping editor tags', () => {
    const current = stored({ document: article({ subjects: [topic('medtop:20000000', 'editor'), topic('medtop:04000000')] }) });
    const same = article({ subjects: [topic('medtop:04000000')], facts: { wordCount: 1, tagger: 'nlp@1.1.0', enrichedAt: now.toISOString() } });
    expect(planRevision(current, event('reenrich', { article: same }), now)).toBeUndefined();
    const changed = article({
      id: randomUUID(),
      subjects: [topic('medtop:13000000')],
      facts: { wordCount: 1, tagger: 'nlp@1.1.0', enrichedAt: now.toISOString() },
    });
    const plan = planRevision(current, event('reenrich', { article: changed }), now)!;
    expect(plan.lifecycle).toBe('updated');
    expect(plan.document.subjects.map((s) => s.code)).toEqual(['medtop:20000000', 'medtop:13000000']);
    expect(plan.document.facts?.tagger).toBe('nlp@1.1.0');
    expect(plan.document.id).toBe(current.id);
  });
});
