import { runMain } from '#runtime';
import { loadPublishingConfig } from './config.js';
import { migrateDatabase } from './database/ensure-database.js';

runMain('migrate', async () => {
  const { DATABASE_URL } = loadPublishingConfig();
  const applied = await migrateDatabase(DATABASE_URL);
  process.stdout.write(`database ready, ${applied} migration(s) applied\n`);
});
