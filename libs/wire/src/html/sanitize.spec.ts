import { describe, it, expect } from '@jest/globals';
import { plainText, sanitizeBody, textToHtml } from './sanitize.js';

describe('sanitizeBody', () => {
  it('removes scripts, event handlers, javascript: and data: URLs', () => {
    const { html } = sanitizeBody(
      '<p onclick="x()">Hi</p><script>alert(1)</script><img src="x.jpg" onerror="alert(1)">' +
        '<a href="javascript:alert(1)">bad</a><a href="https://example.org/a">good</a>' +
        '<img src="data:image/png;base64,AAAA" alt="d"><iframe src="https://evil">fallback</iframe><style>p{}</style>',
    );
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|data:|iframe|fallback|style/i);
    expect(html).toContain('<a href="https://example.org/a">good</a>');
    expect(html).toContain('<img src="x.jpg" />');
  });

  it('keeps news structure', () => {
    const source =
      '<h2>Sub</h2><p>A <strong>b</strong> <em>c</em></p><ul><li>one</li></ul><blockquote>q</blockquote>' +
      '<table><tr><th>h</th><td>d</td></tr></table><figure><img src="https://x/y.jpg" alt="y"><figcaption>cap</figcaption></figure>';
    const { html } = sanitizeBody(source);
    for (const tag of ['<h2>', '<strong>', '<em>', '<ul>', '<li>', '<blockquote>', '<table>', '<th>', '<td>', '<figure>', '<figcaption>']) {
      expect(html).toContain(tag);
    }
  });

  it('gives plain text with one block per line, entities decoded, whitespace collapsed', () => {
    const { text } = sanitizeBody(
      '<html><head><title>T</title></head><body><h1>Tom &amp; Jerry</h1>\n<p>One\n   <b>two</b>  three</p><p> </p><p>x<br>y</p></body></html>',
    );
    expect(text).toBe('Tom & Jerry\nOne two three\nx\ny');
  });

  it('drops empty paragraphs', () => {
    expect(sanitizeBody('<p>a</p><p></p><p>  </p><p>b</p>').html).toBe('<p>a</p>\n<p>b</p>');
  });
});

describe('textToHtml', () => {
  it('escapes and wraps blank-line paragraphs, joining hard wraps (quotes need no escaping outside attributes)', () => {
    expect(textToHtml('Tom <&> Jerry\nsecond line\n\nNext "para"')).toBe('<p>Tom &lt;&amp;&gt; Jerry second line</p>\n<p>Next "para"</p>');
  });

  it('treats indented lines as paragraph starts in hard-wrapped copy', () => {
    expect(textToHtml('First para\nwrapped here.\n   Second para\nwrapped too.')).toBe('<p>First para wrapped here.</p>\n<p>Second para wrapped too.</p>');
  });

  it('makes each line a paragraph otherwise', () => {
    expect(textToHtml('one\ntwo')).toBe('<p>one</p>\n<p>two</p>');
    expect(textToHtml('  \n ')).toBe('');
  });
});

describe('plainText', () => {
  it('removes bidi overrides, embeddings and isolates, and control characters', () => {
    const spoof = 'Invoice \u202Egpj.exe\u202C \u2066isolated\u2069 \u202Aembed\u202B\u202D';
    expect(plainText(spoof)).toBe('Invoice gpj.exe isolated embed');
    expect(plainText('Bourse\u007F en\u0085 hausse\u0007')).toBe('Bourse en hausse');
    expect(plainText('<b>Titre</b>\u202E renversé')).toBe('Titre renversé');
  });

  it('keeps a <word> that is no HTML element as a word, and drops real markup', () => {
    expect(plainText('Le mot <line> reste')).toBe('Le mot <line> reste');
    expect(plainText('Titre <script>alert(1)</script><b>gras</b>')).toBe('Titre gras');
  });

  it('turns line breaks and tabs into spaces and keeps the rest of the text, right-to-left marks included', () => {
    expect(plainText('Titre\tsur\r\ndeux lignes')).toBe('Titre sur deux lignes');
    expect(plainText('שלום \u200Fעולם « été »')).toBe('שלום \u200Fעולם « été »');
  });
});
