import { consumerSettings, loadConfig, natsSettings, setting, streamSettings } from '#runtime';

export const enrichmentConfigSchema = {
  PORT: setting.int('HTTP port, health and metrics only (0: any free port)', 3001, 0, 65535),
  ENRICHMENT_MIN_CONFIDENCE_PERCENT: setting.int(
    'automatic entities and topics below this calibrated confidence (percent) are not emitted (0: all)',
    0,
    0,
    100,
  ),
  ...natsSettings,
  ...streamSettings,
  ...consumerSettings,
};

export type EnrichmentConfig = ReturnType<typeof loadEnrichmentConfig>;
export const loadEnrichmentConfig = (env = process.env) => loadConfig(enrichmentConfigSchema, env);
