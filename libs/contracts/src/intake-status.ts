/**
 * The intake status record ingest keeps per article in its KV bucket: "received" written by
 * ingest, the outcome by publishing, read by ingest's status endpoint and the intake log.
 */

/**
 * Where an article is; `embargoed`: stored by publishing, to be published at its embargo time.
 * `enriched` is no longer written (round 3): it is read back only from older records.
 */
export type IntakeState = 'received' | 'enriched' | 'embargoed' | 'published' | 'killed' | 'stale' | 'rejected';

export interface IntakeStatus {
  articleId: string;
  status: IntakeState;
  reason?: string;
  correlationId?: string;
  updatedAt: string;
}

/** The record's key in the intake bucket. */
export const intakeStatusKey = (articleId: string) => `status.${articleId}`;
