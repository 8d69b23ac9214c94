import type { DataSourceOptions } from 'typeorm';

// pg and TypeORM are loaded when a service sets up its database, so services without one never load them.

/** Creates the database named in the URL when it does not exist yet (concurrent starts are fine). */
export async function ensureDatabase(url: string): Promise<void> {
  const { default: pg } = await import('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // 42P04 duplicate_database, 23505: another instance created it first.
    if (!['42P04', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}

/**
 * Creates the database if missing and applies the service's pending migrations (its own
 * migrations table, in `options`); returns how many ran. Instances starting together queue
 * on an advisory lock (`lockKey`, one per service) instead of racing to create the same tables.
 */
export async function migrateDatabase(url: string, options: DataSourceOptions, lockKey: number): Promise<number> {
  await ensureDatabase(url);
  const [{ default: pg }, { DataSource }] = await Promise.all([import('pg'), import('typeorm')]);
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  const dataSource = new DataSource(options);
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [lockKey]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.length;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.end();
  }
}
