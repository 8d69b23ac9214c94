import { Type } from 'typebox';

/** What became of one wire item. */
export type WireOutcome = 'new' | 'updated' | 'duplicate' | 'killed' | 'stale' | 'rejected';

/** The answer to a submission: where to follow the article. */
export interface IntakeReceipt {
  id: string;
  status: 'received' | 'duplicate';
  statusUrl: string;
  correlationId: string;
}

/** For the OpenAPI document. */
export const IntakeReceiptDto = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Union([Type.Literal('received'), Type.Literal('duplicate')]),
  statusUrl: Type.String(),
  correlationId: Type.String(),
});

export const IntakeStatusDto = Type.Object({
  articleId: Type.String({ format: 'uuid' }),
  status: Type.Union([
    Type.Literal('received'),
    Type.Literal('enriched'),
    Type.Literal('embargoed'),
    Type.Literal('published'),
    Type.Literal('killed'),
    Type.Literal('stale'),
    Type.Literal('rejected'),
  ]),
  reason: Type.Optional(Type.String()),
  correlationId: Type.Optional(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
});
