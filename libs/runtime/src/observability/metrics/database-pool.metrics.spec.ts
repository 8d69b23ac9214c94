import { describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { registerDatabasePoolMetrics, typeormPool, type PgPoolStats } from './database-pool.metrics.js';

describe('registerDatabasePoolMetrics', () => {
  it('reads the pool at scrape time, and shows 0 connections before the pool exists', async () => {
    const registry = new Registry();
    let pool: PgPoolStats | undefined = undefined;
    registerDatabasePoolMetrics(registry, () => pool);
    expect(await registry.metrics()).toMatch(/^depeche_db_pool_connections 0$/m);

    pool = { totalCount: 7, idleCount: 2, waitingCount: 3, options: { max: 10 } };
    const text = await registry.metrics();
    expect(text).toMatch(/^depeche_db_pool_connections 7$/m);
    expect(text).toMatch(/^depeche_db_pool_idle_connections 2$/m);
    expect(text).toMatch(/^depeche_db_pool_waiting_requests 3$/m);
    expect(text).toMatch(/^depeche_db_pool_max_connections 10$/m);
  });
});

describe('typeormPool', () => {
  it('is the postgres driver master pool of an initialised DataSource only', () => {
    const master = { totalCount: 1, idleCount: 1, waitingCount: 0 };
    expect(typeormPool({ isInitialized: true, driver: { master } })).toBe(master);
    expect(typeormPool({ isInitialized: false, driver: { master } })).toBeUndefined();
    expect(typeormPool(undefined)).toBeUndefined();
  });
});
