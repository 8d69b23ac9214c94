import { describe, expect, it } from 'vitest';
import { articleBody, emptyArticle, valuesFromNinjs } from './article-fields';

describe('article fields', () => {
  it('sends headline and body even when empty, so the API names what is wrong, and leaves out empty optional fields', () => {
    expect(articleBody(emptyArticle())).toEqual({ headline: '', body: '' });
    expect(articleBody({ ...emptyArticle(), headline: 'T', body: 'B', section: ' Économie ', language: '' })).toEqual({
      headline: 'T',
      body: 'B',
      section: 'Économie',
    });
  });

  it('turns the local embargo time into an ISO instant', () => {
    const body = articleBody({ ...emptyArticle(), embargo: '2030-01-02T03:04' });
    expect(body.embargo).toBe(new Date('2030-01-02T03:04').toISOString());
  });

  it('reads a published ninjs version back into the form', () => {
    const values = valuesFromNinjs({
      headlines: [{ role: 'main', value: 'Titre' }],
      descriptions: [
        { role: 'correction', value: 'note' },
        { role: 'summary', value: 'Chapô' },
      ],
      bodies: [
        { contentType: 'text/plain', value: 'texte' },
        { contentType: 'text/html', value: '<p>texte</p>' },
      ],
      subjects: [
        { rel: 'about', name: 'x' },
        { rel: 'section', name: 'Économie' },
      ],
      language: 'fr',
      by: 'AFP',
    });
    expect(values).toEqual({ headline: 'Titre', standfirst: 'Chapô', body: '<p>texte</p>', section: 'Économie', language: 'fr', byline: 'AFP', embargo: '' });
  });
});
