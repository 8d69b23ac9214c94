import { describe, expect, it } from '@jest/globals';
import { htmlNestingDepth, MAX_HTML_DEPTH } from './html-depth.js';

describe('htmlNestingDepth', () => {
  it('counts nested elements, not siblings', () => {
    expect(htmlNestingDepth('<div><p>a <b>b <i>c</i></b></p><p>d</p></div>')).toBe(3);
    expect(htmlNestingDepth('<b>a</b><b>b</b><b>c</b>')).toBe(1);
    expect(htmlNestingDepth('plain text, no markup')).toBe(0);
  });

  it('adds nothing for void, self-closing and sibling-closed elements, nor for comments', () => {
    expect(htmlNestingDepth('<p>one<p>two<p>three<br><img src="x"><hr/><span/>')).toBe(0);
    expect(htmlNestingDepth('<ul><li>a<li>b<li>c</ul>')).toBe(1);
    expect(htmlNestingDepth('<!-- <b><b><b> --><em>x</em>')).toBe(1);
  });

  it('reaches past the limit on hostile nesting and stops counting there', () => {
    const hostile = '<b>'.repeat(150_000) + 'x';
    expect(htmlNestingDepth(hostile)).toBe(MAX_HTML_DEPTH + 1);
    expect(htmlNestingDepth('<div>'.repeat(10) + '</div>'.repeat(10), 5)).toBe(6);
  });
});
