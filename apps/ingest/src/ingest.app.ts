import { bootstrapService } from '#runtime';
import { loadIngestConfig } from './config.js';
import { IngestModule } from './ingest.module.js';

/** Starts the ingest service with settings from `env`. */
export function startIngest(env: NodeJS.ProcessEnv = process.env) {
  const config = loadIngestConfig(env);
  return bootstrapService({ module: IngestModule.forRoot(config), port: config.PORT, bodyLimitBytes: config.MAX_BODY_BYTES });
}
