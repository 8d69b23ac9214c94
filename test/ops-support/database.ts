import { dropDatabase, PG_ADMIN_URL } from '../support/namespace.js';

/** A database URL of the test's own (publishing creates it at start), and a way to drop it. */
export function testDatabase(namespace: string): { url: string; drop(): Promise<void> } {
  const name = `depeche_${namespace}`;
  return { url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), drop: () => dropDatabase(name) };
}
