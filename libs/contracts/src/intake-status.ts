/**
 * The intake status record ingest keeps per article in its KV bucket, written by every
 * service as the article moves on and read by ingest's status endpoint.
 */

/** Where an article is; `embargoed`: stored by publishing, to be published at its embargo time. */
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
