import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api';
import { emptyArticle } from '../article-fields';
import { I18n, translator } from '../i18n';
import { ArticleForm } from './ArticleForm';

const renderForm = (onSubmit: Parameters<typeof ArticleForm>[0]['onSubmit'], locale: 'en' | 'fr' = 'en') =>
  render(
    <I18n.Provider value={{ t: translator(locale), locale }}>
      <ArticleForm idPrefix="t" initial={emptyArticle()} submitLabel={translator(locale)('write.submit')} onSubmit={onSubmit} />
    </I18n.Provider>,
  );

describe('ArticleForm', () => {
  afterEach(cleanup);

  it('labels every field visibly', () => {
    renderForm(async () => undefined);
    for (const label of ['Headline', 'Standfirst', 'Body', 'Section', 'Language', 'Byline', 'Embargo']) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy();
  });

  it('is in French when asked', () => {
    renderForm(async () => undefined, 'fr');
    for (const label of ['Titre', 'Chapô', 'Texte', 'Rubrique', 'Langue', 'Signature', 'Embargo']) expect(screen.getByLabelText(label)).toBeTruthy();
  });

  it("submits what was typed and puts the API's field errors beside their fields", async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiProblem(400, 'Invalid request', 'The article has invalid fields.', [{ field: 'headline', reason: 'must NOT have fewer than 1 characters' }]);
    });
    renderForm(onSubmit);
    fireEvent.input(screen.getByLabelText('Body'), { target: { value: 'Texte' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(document.getElementById('t-headline-error')?.textContent).toBe('must NOT have fewer than 1 characters'));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ body: 'Texte', headline: '' }), '');
    const headline = screen.getByLabelText('Headline');
    expect(headline.getAttribute('aria-invalid')).toBe('true');
    expect(headline.getAttribute('aria-describedby')).toContain('t-headline-error');
    expect(screen.getByRole('alert').textContent).toContain('400');
    expect(screen.getByLabelText('Body').getAttribute('aria-invalid')).toBeNull();
  });
});
