import { describe, expect, it } from '@jest/globals';
import { toCanonicalArticle } from './editor-article.mapper.js';

const NOW = '2026-12-04T12:00:00.000Z';
const map = (fields: Partial<Parameters<typeof toCanonicalArticle>[0]>) =>
  toCanonicalArticle({ headline: 'Titre', body: 'Texte.', ...fields }, '00000000-0000-4000-8000-000000000001', 1, NOW);

describe('toCanonicalArticle', () => {
  it('keeps a plain-text body that holds "<line>" word for word, paragraph breaks included', () => {
    const article = map({ body: 'Premier paragraphe sur <line>.\n\nSecond paragraphe.' });
    expect(article.bodyText).toBe('Premier paragraphe sur <line>.\nSecond paragraphe.');
    expect(article.bodyHtml).toBe('<p>Premier paragraphe sur &lt;line&gt;.</p>\n<p>Second paragraphe.</p>');
  });

  it('strips bidi overrides and control characters from headline, standfirst, byline and section', () => {
    const article = map({
      headline: 'Élection\u202E truquée\u007F',
      standfirst: 'Chapeau\u2066 isolé\u2069\u0085',
      byline: 'Par\u202D Ana\u0000',
      section: 'Monde\u202A\u009B',
    });
    expect([article.headline, article.standfirst, article.byline, article.section]).toEqual(['Élection truquée', 'Chapeau isolé', 'Par Ana', 'Monde']);
  });

  it('refuses a body nested too deep to sanitise with 400 naming the field, before sanitising it', () => {
    const deep = `${'<b>'.repeat(200_000)}x`;
    expect(() => map({ body: deep })).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({ status: 400, errors: [{ field: 'body', reason: expect.stringMatching(/nested deeper than 256/) }] }),
      }),
    );
    expect(() => map({ headline: deep })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ errors: [{ field: 'headline', reason: expect.any(String) }] }) }),
    );
  });

  it('refuses a body of more paragraphs than any article has with 400 naming the body', () => {
    expect(() => map({ body: 'a\n'.repeat(20_000) })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ errors: [{ field: 'body', reason: expect.stringMatching(/at most 10000/) }] }) }),
    );
  });

  it('cleans editor tag names as other one-line fields: no markup, no bidi override; nothing left is a 400', () => {
    const article = map({
      tags: {
        add: [
          { type: 'organisation', name: '<b>Nordelec</b>\u202E' },
          { type: 'keyword', name: 'batteries\u2066' },
        ],
      },
    });
    expect(article.organisations.map((o) => o.name)).toEqual(['Nordelec']);
    expect(article.keywords.map((k) => k.value)).toEqual(['batteries']);
    expect(() => map({ tags: { remove: [{ type: 'keyword', name: '<img src=x>' }] } })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ errors: [{ field: 'tags.remove[0].name', reason: expect.any(String) }] }) }),
    );
  });
});
