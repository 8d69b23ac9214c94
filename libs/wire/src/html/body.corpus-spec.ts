import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bodyFromPlainText } from './body.js';
import { sanitizeBody, textToHtml } from './sanitize.js';
import { EVAL_DATA } from '../../../../test/harness/corpus.js';

describe('bodyFromPlainText over every gold text, French and English', () => {
  it('gives exactly what the sanitiser gives for the same text, so skipping it changes no stored body', () => {
    const gold = readFileSync(path.join(EVAL_DATA, 'gold/dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(gold.length).toBeGreaterThan(50);
    for (const text of gold) expect(bodyFromPlainText(text) ?? { html: '', text: '' }).toEqual(sanitizeBody(textToHtml(text)));
  });
});
