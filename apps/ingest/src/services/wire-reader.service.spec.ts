import { describe, expect, it } from '@jest/globals';
import { newTestService } from '#runtime/testing';
import { INLINE_PARSE_BYTES, WireReaderService } from './wire-reader.service.js';

const rss = (items: number) =>
  `<rss version="2.0"><channel><title>T</title><link>https://news.test/</link>${Array.from({ length: items }, (_v, k) => `<item><title>Item ${k}</title><link>https://news.test/${k}</link><description>Text ${k}.</description></item>`).join('')}</channel></rss>`;
const opts = { receivedAt: '2026-12-07T10:00:00.000Z' };

describe('WireReaderService', () => {
  const { sut } = newTestService(WireReaderService);

  it('reads a small document inline, and a large one the same way whether or not a worker pool is built', async () => {
    const small = await sut.read(Buffer.from(rss(2)), 'application/rss+xml', opts);
    expect(small).toMatchObject({ format: 'rss', skipped: [] });
    expect(small.articles.map((a) => a.headline)).toEqual(['Item 0', 'Item 1']);
    const bytes = Buffer.from(rss(700));
    expect(bytes.byteLength).toBeGreaterThan(INLINE_PARSE_BYTES);
    expect((await sut.read(bytes, 'application/rss+xml', opts)).articles).toHaveLength(700);
  });

  it('refuses a document it cannot read with the wire error, code and all', async () => {
    await expect(sut.read(Buffer.from('<rss><channel><item><title>cut'), 'application/xml', opts)).rejects.toMatchObject({
      name: 'WireError',
      code: 'malformed-xml',
    });
    await sut.onModuleDestroy();
  });
});
