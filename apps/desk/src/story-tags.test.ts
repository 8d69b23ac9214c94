import { describe, expect, it } from 'vitest';
import { confidenceText, editorTagsOf, provenanceText, withAdded, withRemoved, type ArticleTags } from './story-tags';

const tags: ArticleTags = {
  revision: 2,
  subjects: [{ id: 'medtop:04000000', name: 'économie', score: 0.9, provenance: { source: 'enrichment', by: 'nlp@1.0.0', confidence: 0.87 } }],
  people: [],
  organisations: [
    { id: 'Q380', name: 'Meta', count: 3, provenance: { source: 'enrichment', by: 'nlp@1.0.0', confidence: 0.9 } },
    { id: 'organisation:acme', name: 'Acme', count: 0, provenance: { source: 'editor' } },
  ],
  places: [],
  keywords: [],
  removed: [{ type: 'keyword', id: 'bourse', name: 'bourse' }],
};

describe('story tags', () => {
  it("keeps the editor's tags and removals for the next update", () => {
    expect(editorTagsOf(tags)).toEqual({
      add: [{ type: 'organisation', id: 'organisation:acme', name: 'Acme' }],
      remove: [{ type: 'keyword', id: 'bourse', name: 'bourse' }],
    });
    expect(editorTagsOf(null)).toEqual({ add: [], remove: [] });
  });

  it('removing locks a tag out; adding it again lifts the lock', () => {
    const meta = { type: 'organisation' as const, id: 'Q380', name: 'Meta' };
    const removed = withRemoved(editorTagsOf(tags), meta);
    expect(removed.remove).toContainEqual(meta);
    const added = withAdded(removed, meta);
    expect(added.remove).not.toContainEqual(meta);
    expect(added.add).toContainEqual(meta);
    expect(withRemoved(added, meta).add).not.toContainEqual(meta);
  });

  it('shows confidence as a percentage and provenance with the tagger version', () => {
    expect(confidenceText(tags.subjects[0]!)).toBe('87 %');
    expect(provenanceText(tags.subjects[0]!)).toBe('enrichment · nlp@1.0.0');
    expect(confidenceText(tags.organisations[1]!)).toBe('100 %');
    expect(provenanceText(tags.organisations[1]!)).toBe('editor');
  });
});
