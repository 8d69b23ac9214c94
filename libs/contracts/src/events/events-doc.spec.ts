import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventsDoc } from './events-doc.js';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('docs/events.md', () => {
  it('is what the catalogue produces (regenerate: npm run docs:events)', () => {
    expect(readFileSync(path.join(root, 'docs/events.md'), 'utf8')).toBe(renderEventsDoc());
  });

  it('lists every subject and Nats-Msg-Id the services use', () => {
    const doc = renderEventsDoc();
    for (const text of [
      '`news.article.ingested.v1`',
      '`news.article.killed.v1`',
      '`news.deadletter.<service>.v1`',
      '`news.published.<lang>.<section>.<action>`',
      '`<id>:routed`',
      '`deadletter:<service>:<stream>:<sequence>`',
    ]) {
      expect(doc).toContain(text);
    }
  });
});
