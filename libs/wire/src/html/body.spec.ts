import { describe, expect, it } from '@jest/globals';
import { articleBody, bodyFromPlainText, bodyFromUnlabelled } from './body.js';
import { looksLikeHtml } from './html-elements.js';
import { parseWire } from '../index.js';
import { sanitizeBody, textToHtml } from './sanitize.js';
import { EXAMPLE_PAGE, fixtureText } from '../../../../test/harness/fixtures.js';

/** Real copy (the example page; the corpus suite adds every gold text) and the characters that could go wrong. */
function texts(): string[] {
  const tricky = [
    'Tom <&> Jerry "quoted" \'single\' « guillemets »',
    '<script>alert(1)</script> is text here',
    '&amp; &#169; &copy; &nbsp; stay as typed',
    'no\u00a0break, tab\tand  double  spaces',
    'first\r\nwrapped\r\n\r\nsecond paragraph',
    'hard\nwrapped\n   indented start\nwrapped',
    '\n\n   \n',
  ];
  return [fixtureText(EXAMPLE_PAGE), ...tricky];
}

describe('bodyFromPlainText', () => {
  it('gives exactly what the sanitiser gives for the same text, so skipping it changes no stored body', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(5);
    for (const text of all) expect(bodyFromPlainText(text) ?? { html: '', text: '' }).toEqual(sanitizeBody(textToHtml(text)));
  });

  it('keeps markup typed as text as text', () => {
    expect(bodyFromPlainText('<script>alert(1)</script> & more')).toEqual({
      html: '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>',
      text: '<script>alert(1)</script> & more',
    });
  });

  it('has no body for blank text', () => {
    expect(bodyFromPlainText(' \n\t\n')).toBeUndefined();
  });
});

describe('articleBody', () => {
  it('sanitises what is declared HTML and escapes what is not, empty rather than absent', () => {
    expect(articleBody('<p>a <b onclick="x()">b</b></p><script>c</script>', true)).toEqual({ html: '<p>a <b>b</b></p>', text: 'a b' });
    expect(articleBody('<p>a</p>', false)).toEqual({ html: '<p>&lt;p&gt;a&lt;/p&gt;</p>', text: '<p>a</p>' });
    expect(articleBody('  ', false)).toEqual({ html: '', text: '' });
  });
});

describe('plain text is never taken for HTML', () => {
  const typed = 'Le modèle <line> reste un mot.\n\nDeuxième paragraphe <AFP> & fin';

  it('keeps a <word> that is not an HTML element, and its paragraph break, when nobody said HTML', () => {
    for (const body of [articleBody(typed), bodyFromUnlabelled(typed)!]) {
      expect(body.text).toBe('Le modèle <line> reste un mot.\nDeuxième paragraphe <AFP> & fin');
      expect(body.html).toBe('<p>Le modèle &lt;line&gt; reste un mot.</p>\n<p>Deuxième paragraphe &lt;AFP&gt; &amp; fin</p>');
    }
  });

  it('takes text for HTML only when it holds an HTML element or comment', () => {
    expect(['<p>a</p>', 'x<br/>y', '<script>x</script>', '<img src=x onerror=y>', 'a <!-- b -->', '<DIV class="c">d</DIV>'].map(looksLikeHtml)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['<line>', 'a < b > c', '<AFP>', '<pre-fix>', 'x <bold> y', '<svgx>'].map(looksLikeHtml)).toEqual([false, false, false, false, false, false]);
    expect(articleBody('<p>a <b>b</b></p><script>c</script>')).toEqual({ html: '<p>a <b>b</b></p>', text: 'a b' });
  });
});

describe('plain text through the wire parsers', () => {
  const parse = (document: string, contentType: string) =>
    parseWire(Buffer.from(document, 'utf8'), contentType, { receivedAt: '2026-12-04T12:00:00.000Z' }).articles[0]!;

  it('keeps "<line>" in RSS descriptions and titles, Atom text and plain-text pages', () => {
    const rss = parse(
      '<rss version="2.0"><channel><title>t</title><item><guid>g1</guid><title>Le mot &lt;line&gt;</title><description>Le mot &lt;line&gt; reste.</description></item></channel></rss>',
      'application/rss+xml',
    );
    expect([rss.headline, rss.bodyText]).toEqual(['Le mot <line>', 'Le mot <line> reste.']);
    const atom = parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2026-12-04T10:00:00Z</updated><entry><id>urn:e</id><title>Titre</title><updated>2026-12-04T10:00:00Z</updated><content type="text">Le mot &lt;line&gt; reste.\n\nSuite.</content></entry></feed>',
      'application/atom+xml',
    );
    expect(atom.bodyText).toBe('Le mot <line> reste.\nSuite.');
    const page = parse('Culture\nTitre de la page\nChapeau\nLe mot <line> reste.\n\nSuite.', 'text/plain');
    expect(page.bodyText).toContain('Le mot <line> reste.');
  });
});
