import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { IntakeStatusRepository } from '../apps/ingest/src/repositories/intake-status.repository.js';
import { createTestNamespace, type TestNamespace } from './support/namespace.js';

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
});
