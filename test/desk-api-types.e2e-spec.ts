import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deskApiTypes, GENERATED_DIR } from '../scripts/desk-api-types.js';

/** The desk's API types are what the services' OpenAPI documents say today: regenerate with npm run build:desk, then commit. */
describe("the desk's generated API types", () => {
  it('match the OpenAPI documents of ingest and the read API', async () => {
    for (const [file, generated] of Object.entries(await deskApiTypes())) {
      const committed = readFileSync(path.resolve(import.meta.dirname, '..', ...GENERATED_DIR, file), 'utf8');
      expect({ file, same: committed === generated }).toEqual({ file, same: true });
    }
  }, 60_000);
});
