import type { DataSourceOptions } from 'typeorm';
import { migrateDatabase } from '#runtime';
import { Subscribers1764300000000 } from './migrations/1764300000000-subscribers.js';
import { DeliveryLookups1764400000000 } from './migrations/1764400000000-delivery-lookups.js';

export const MIGRATIONS = [Subscribers1764300000000, DeliveryLookups1764400000000];

/** Its own lock and migrations table: delivery's tables live beside publishing's and migrate on their own. */
const DELIVERY_MIGRATION_LOCK = 0x64656c69;

/** Delivery reads and writes plain SQL: no entities, its own migrations table. */
export function dataSourceOptions(url: string, poolSize = 5): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'delivery_migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    poolSize,
    applicationName: 'depeche-delivery',
  };
}

export const migrateDeliveryStore = (url: string): Promise<number> => migrateDatabase(url, dataSourceOptions(url, 1), DELIVERY_MIGRATION_LOCK);
