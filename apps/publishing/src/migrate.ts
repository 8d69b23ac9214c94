import { runMain } from '#runtime';
import { loadPublishingConfig } from './config.js';
import { migratePublishingStore } from './database/data-source.js';

runMain('migrate', async () => {
  const { DATABASE_URL } = loadPublishingConfig();
  const applied = await migratePublishingStore(DATABASE_URL);
  process.stdout.write(`database ready, ${applied} migration(s) applied\n`);
});
