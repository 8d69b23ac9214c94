import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18n, translator } from '../i18n';
import type { ArticleTags } from '../story-tags';
import { TagsReview } from './TagsReview';

const tags: ArticleTags = {
  revision: 1,
  subjects: [],
  people: [],
  organisations: [
    { id: 'Q380', name: 'Meta', provenance: { source: 'enrichment', by: 'nlp@1.0.0', confidence: 0.91 } },
    { id: 'organisation:acme', name: 'Acme', provenance: { source: 'editor' } },
  ],
  places: [],
  keywords: [],
  removed: [{ type: 'place', id: 'Q90', name: 'Paris' }],
};

const renderTags = (canEdit: boolean, handlers = { onRemove: vi.fn(), onAdd: vi.fn() }) => {
  render(
    <I18n.Provider value={{ t: translator('en'), locale: 'en' }}>
      <TagsReview tags={tags} canEdit={canEdit} {...handlers} />
    </I18n.Provider>,
  );
  return handlers;
};

describe('TagsReview', () => {
  afterEach(cleanup);

  it('shows each tag with its confidence and provenance, editor tags and removals as locked', () => {
    renderTags(false);
    const organisations = screen.getByRole('table', { name: 'Organisations' });
    const meta = within(organisations).getByRole('row', { name: /Meta/ });
    expect(meta.textContent).toContain('91 %');
    expect(meta.textContent).toContain('enrichment · nlp@1.0.0');
    expect(within(organisations).getByRole('row', { name: /Acme/ }).textContent).toContain('locked');
    expect(screen.getByText(/Paris/).textContent).toContain('locked');
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('removes and adds tags for an editor', () => {
    const handlers = renderTags(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Meta' }));
    expect(handlers.onRemove).toHaveBeenCalledWith({ type: 'organisation', id: 'Q380', name: 'Meta' });
    fireEvent.change(screen.getByLabelText('Tag type'), { target: { value: 'person' } });
    fireEvent.input(screen.getByLabelText('Tag name'), { target: { value: 'Sam Altman' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(handlers.onAdd).toHaveBeenCalledWith({ type: 'person', name: 'Sam Altman' });
  });
});
