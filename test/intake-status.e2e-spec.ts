import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ArticleVersionRepository } from '../apps/ingest/src/repositories/article-version.repository.js';
import { DedupeClaimRepository } from '../apps/ingest/src/repositories/dedupe-claim.repository.js';
import { IntakeStatusRepository } from '../apps/ingest/src/repositories/intake-status.repository.js';
import { createTestNamespace, type TestNamespace } from './harness/namespace.js';

/** The intake status bucket on the real NATS: what a retried submission may and may not overwrite. */
describe('intake statuses', () => {
  let ns: TestNamespace;
  let statuses: IntakeStatusRepository;

  beforeAll(async () => {
    ns = await createTestNamespace();
    statuses = await IntakeStatusRepository.open(ns.nc, ns.namespace);
  });

  afterAll(() => ns?.dispose());

  it('a retry sets "received" on a new article, and leaves a story that went on where it is', async () => {
    const fresh = randomUUID();
    await statuses.setReceivedIfNew({ articleId: fresh, correlationId: 'c1' });
    expect(await statuses.getStatus(fresh)).toMatchObject({ articleId: fresh, status: 'received', correlationId: 'c1' });

    const published = randomUUID();
    await statuses.setStatus({ articleId: published, status: 'published', correlationId: 'c2' });
    await statuses.setReceivedIfNew({ articleId: published, correlationId: 'c3' });
    expect(await statuses.getStatus(published)).toMatchObject({ status: 'published', correlationId: 'c2' });

    // A plain status write still moves it on (the next version of a story goes through "received" again).
    await statuses.setStatus({ articleId: published, status: 'received', correlationId: 'c4' });
    expect(await statuses.getStatus(published)).toMatchObject({ status: 'received', correlationId: 'c4' });
  });

  it('gives one source + external id to one article, however many claim it at once', async () => {
    const claims = await DedupeClaimRepository.open(ns.nc, ns.namespace);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const results = await Promise.all(ids.map((articleId) => claims.claim('afp', 'urn:afp:race', { articleId, contentHash: 'h', version: 1 })));
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    const winner = ids[results.findIndex((r) => r.claimed)];
    expect(results.filter((r) => !r.claimed).map((r) => (r.claimed ? undefined : r.existing.articleId))).toEqual([winner, winner]);
    const found = await claims.findClaim('afp', 'urn:afp:race');
    await expect(claims.updateClaim('afp', 'urn:afp:race', { ...found!.existing, version: 2 }, found!.revision - 1)).rejects.toThrow();
  });

  it('gives racing editors of one story distinct versions, from 2 on', async () => {
    const versions = await ArticleVersionRepository.open(ns.nc, ns.namespace);
    const id = randomUUID();
    const got = await Promise.all([versions.next(id), versions.next(id), versions.next(id)]);
    expect(got.sort()).toEqual([2, 3, 4]);
  });
});
