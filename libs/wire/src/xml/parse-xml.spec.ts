import { describe, it, expect } from '@jest/globals';
import { wireErrorOf } from '../testing/wire-error-of.js';
import { attr, child, children, descendants, innerXml, parseXml, path, spacedText, text } from './parse-xml.js';

const errorOf = wireErrorOf;

describe('parseXml: tree and helpers', () => {
  const { root } = parseXml(
    '<?xml version="1.0"?>\n<!-- c --><ns0:newsItem xmlns:ns0="urn:x" xml:lang="fr" guid="g1">' +
      '<ns0:headline>Décès &amp; <![CDATA[<suite>]]> &eacute;t&#233;</ns0:headline>' +
      '<body><p>Un <b>deux</b>&nbsp;trois</p><p/></body><byline>By X<byttl>AP Writer</byttl></byline></ns0:newsItem>',
  );

  it('strips prefixes from names, keeps them in qname', () => {
    expect(root.name).toBe('newsItem');
    expect(root.qname).toBe('ns0:newsItem');
    expect(children(root).map((c) => c.name)).toEqual(['headline', 'body', 'byline']);
  });

  it('decodes XML, numeric, HTML named entities and CDATA in text', () => {
    expect(text(child(root, 'headline'))).toBe('Décès & <suite> été');
  });

  it('finds attributes exactly or by local name', () => {
    expect(attr(root, 'xml:lang')).toBe('fr');
    expect(attr(root, 'lang')).toBe('fr');
    expect(attr(root, 'guid')).toBe('g1');
    expect(attr(root, 'missing')).toBeUndefined();
  });

  it('serialises bodies with local names, escaped, without self-closing non-void elements', () => {
    expect(innerXml(child(root, 'body'))).toBe('<p>Un <b>deux</b>\u00a0trois</p><p></p>');
  });

  it('navigates paths and descendants, and spaces element boundaries on demand', () => {
    expect(path(root, 'body', 'p')?.name).toBe('p');
    expect(descendants(root, 'p')).toHaveLength(2);
    expect(text(child(root, 'byline'))).toBe('By XAP Writer');
    expect(spacedText(child(root, 'byline'))).toBe('By X AP Writer');
  });

  it('accepts a plain external DOCTYPE (common in NITF) and never fetches it', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf><head/></nitf>');
    expect(doc.root.name).toBe('nitf');
  });
});

describe('parseXml: security', () => {
  it('refuses an external entity (XXE) without reading the file', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
    const error = errorOf(() => parseXml(xxe));
    expect(error.code).toBe('doctype-forbidden');
    expect(error.message).toMatch(/external entity/);
    expect(error.message).not.toMatch(/root:/);
  });

  it('refuses a billion-laughs entity bomb in well under a second', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]><lolz>&lol9;</lolz>`;
    const started = performance.now();
    const error = errorOf(() => parseXml(bomb));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('entity-expansion');
  });

  it('refuses any other internal subset', () => {
    expect(errorOf(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).code).toBe('doctype-forbidden');
    expect(errorOf(() => parseXml('<!DOCTYPE a [<!ELEMENT a ANY>]><a/>')).code).toBe('doctype-forbidden');
  });

  it('refuses nesting deeper than 200 levels, quickly, and accepts 200', () => {
    const nest = (depth: number) => '<a>'.repeat(depth) + '</a>'.repeat(depth);
    expect(parseXml(nest(200)).root.name).toBe('a');
    expect(errorOf(() => parseXml(nest(201))).code).toBe('too-deep');
    const started = performance.now();
    expect(errorOf(() => parseXml(nest(100_000))).code).toBe('too-deep');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports malformed XML with line and column', () => {
    const error = errorOf(() => parseXml('<a>\n  <b></a>'));
    expect(error.code).toBe('malformed-xml');
    expect(error.details).toMatchObject({ line: 2 });
    expect(error.message).toMatch(/line 2, column \d+/);
  });

  it('reports an empty document', () => {
    expect(errorOf(() => parseXml('  \n ')).code).toBe('empty-document');
  });
});
