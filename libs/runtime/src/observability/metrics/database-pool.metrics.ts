import { Gauge, type Registry } from 'prom-client';

/** What node-postgres' Pool exposes about itself. */
export interface PgPoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Postgres pool gauges, read at scrape time from the pool itself (no polling).
 * `findPool` is asked on every scrape because TypeORM creates the pool only
 * once it has connected, which may be after the first scrape.
 */
export function registerDatabasePoolMetrics(registry: Registry, findPool: () => PgPoolStats | undefined): void {
  const gauge = (name: string, help: string, read: (pool: PgPoolStats) => number | undefined) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const pool = findPool();
        const value = pool && read(pool);
        if (value !== undefined) this.set(value);
      },
    });
  gauge('depeche_db_pool_connections', 'Connections open in the Postgres pool', (pool) => pool.totalCount);
  gauge('depeche_db_pool_idle_connections', 'Open connections not in use', (pool) => pool.idleCount);
  gauge('depeche_db_pool_waiting_requests', 'Queries waiting for a free connection (pool exhausted when above 0)', (pool) => pool.waitingCount);
  gauge('depeche_db_pool_max_connections', 'Size limit of the pool (DATABASE_POOL_SIZE)', (pool) => pool.options?.max);
}

/** The pg Pool behind a TypeORM DataSource (its postgres driver's master pool), when connected. */
export function typeormPool(dataSource: { isInitialized?: boolean; driver?: unknown } | undefined): PgPoolStats | undefined {
  if (!dataSource?.isInitialized) return undefined;
  return (dataSource.driver as { master?: PgPoolStats } | undefined)?.master;
}
