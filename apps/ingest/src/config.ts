import { loadConfig, natsSettings, setting, streamSettings } from '#runtime';

export const ingestConfigSchema = {
  PORT: setting.int('HTTP port of the ingest API (0: any free port)', 3000, 0, 65535),
  MAX_BODY_BYTES: setting.int('largest request body accepted (413 beyond)', 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  ...natsSettings,
  ...streamSettings,
};

export type IngestConfig = ReturnType<typeof loadIngestConfig>;
export const loadIngestConfig = (env = process.env) => loadConfig(ingestConfigSchema, env);
