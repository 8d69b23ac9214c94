import { WireError } from '../errors.js';

/**
 * Refuses the DOCTYPE features behind XXE and entity-expansion ("billion
 * laughs") attacks before any parser sees the document, and blanks out the
 * harmless rest: `<!DOCTYPE nitf SYSTEM "nitf.dtd">` is everyday NITF and is
 * ignored, never fetched. Runs in time linear in the prolog's length.
 *
 * Returns the text with the DOCTYPE replaced by spaces (newlines kept, so
 * parser line/column numbers still point into the original).
 */
export function stripSafeDoctype(xml: string): string {
  const start = findDoctype(xml);
  if (start < 0) return xml;
  const end = doctypeEnd(xml, start);
  const declaration = xml.slice(start, end);
  assertNoInternalSubset(declaration);
  return xml.slice(0, start) + declaration.replace(/[^\n]/g, ' ') + xml.slice(end);
}

/** Index of `<!DOCTYPE` in the prolog (before the root element), or -1. */
function findDoctype(xml: string): number {
  let i = 0;
  while (i < xml.length) {
    const open = xml.indexOf('<', i);
    if (open < 0) return -1;
    if (xml.startsWith('<?', open)) i = skipPast(xml, open, '?>');
    else if (xml.startsWith('<!--', open)) i = skipPast(xml, open, '-->');
    else return /^<!DOCTYPE/i.test(xml.slice(open, open + 9)) ? open : -1;
  }
  return -1;
}

function skipPast(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? xml.length : at + terminator.length;
}

/** End of the declaration: the first `>` outside quotes and outside an `[...]` internal subset. */
function doctypeEnd(xml: string, start: number): number {
  let quote = '';
  let inSubset = false;
  for (let i = start + 9; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  // An unbalanced quote can hide the end; entity declarations are refused whether or not it was meant.
  if (/<!ENTITY/i.test(xml.slice(start))) {
    throw new WireError('doctype-forbidden', 'DOCTYPE with entity declarations is not accepted on wire input', { offset: start });
  }
  throw new WireError('malformed-xml', 'Unterminated <!DOCTYPE> declaration', { offset: start });
}

function assertNoInternalSubset(declaration: string): void {
  const subset = declaration.match(/\[([\s\S]*)\]/)?.[1];
  if (subset === undefined || subset.trim() === '') return;
  const entities = [...subset.matchAll(/<!ENTITY\s+(%\s+)?([^\s]+)\s+([^>]*)>/g)];
  if (entities.some(([, , , body]) => /^(SYSTEM|PUBLIC)\b/.test(body.trim()))) {
    throw new WireError('doctype-forbidden', 'DOCTYPE declares an external entity (XXE): refused, nothing was read', {
      entities: entities.map((m) => m[2]),
    });
  }
  if (entities.some(([, , , body]) => /&[^;\s]+;|%[^;\s]+;/.test(body))) {
    throw new WireError('entity-expansion', 'DOCTYPE declares entities that expand other entities (billion-laughs pattern): refused', {
      entities: entities.length,
    });
  }
  throw new WireError('doctype-forbidden', 'DOCTYPE with an internal subset (entity or markup declarations) is not accepted on wire input', {
    entities: entities.map((m) => m[2]),
  });
}
