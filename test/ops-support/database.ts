import pg from 'pg';
import { PG_ADMIN_URL } from '../support/namespace.js';

/** A database URL of the test's own (publishing creates it at start), and a way to drop it. */
export function testDatabase(namespace: string): { url: string; drop(): Promise<void> } {
  const name = `depeche_${namespace}`;
  return {
    url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
