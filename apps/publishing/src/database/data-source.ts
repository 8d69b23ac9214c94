import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrateDatabase } from '#runtime';
import { ENTITIES } from './entities/index.js';
import { InitialSchema1764150000000 } from './migrations/1764150000000-initial-schema.js';
import { LifecycleSearchTags1764160000000 } from './migrations/1764160000000-lifecycle-search-tags.js';
import { Lz4Documents1764170000000 } from './migrations/1764170000000-lz4-documents.js';
import { OutboxTraceparent1764180000000 } from './migrations/1764180000000-outbox-traceparent.js';
import { SearchEveryField1764190000000 } from './migrations/1764190000000-search-every-field.js';
import { OutboxRoutedCopy1764200000000 } from './migrations/1764200000000-outbox-routed-copy.js';

export const MIGRATIONS = [
  InitialSchema1764150000000,
  LifecycleSearchTags1764160000000,
  Lz4Documents1764170000000,
  OutboxTraceparent1764180000000,
  SearchEveryField1764190000000,
  OutboxRoutedCopy1764200000000,
];

/** The advisory lock publishing's instances take to migrate one at a time. */
export const PUBLISHING_MIGRATION_LOCK = 0x64657065;

/** Creates the store if missing and applies publishing's pending migrations; returns how many ran. */
export const migratePublishingStore = (url: string): Promise<number> => migrateDatabase(url, dataSourceOptions(url, 1), PUBLISHING_MIGRATION_LOCK);

/** One options object for the Nest module, the migrate command and the TypeORM CLI. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    poolSize,
    applicationName: 'depeche-publishing',
  };
}

/** For the TypeORM CLI: `typeorm migration:run -d dist/apps/publishing/src/database/data-source.js`. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/depeche'));
