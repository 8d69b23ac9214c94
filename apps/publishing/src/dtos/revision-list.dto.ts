import { Type } from 'typebox';
import type { NinjsDocument } from '#wire/writers';

export const RevisionDto = Type.Object({
  revision: Type.Integer({ minimum: 1 }),
  action: Type.String({ description: 'What produced it: submit, update, correct, kill or reenrich.' }),
  note: Type.Optional(Type.String({ description: 'The correction note or the kill reason.' })),
  tagger: Type.Optional(Type.String({ description: 'The tagger version of its automatic tags.' })),
  correlationId: Type.Optional(Type.String()),
  eventId: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  document: Type.Object({}, { description: 'That version as a ninjs 3.1 document.' }),
});

export const RevisionListDto = Type.Object({ items: Type.Array(RevisionDto) });

export interface RevisionList {
  items: Array<{
    revision: number;
    action: string;
    note?: string;
    tagger?: string;
    correlationId?: string;
    eventId: string;
    createdAt: string;
    document: NinjsDocument;
  }>;
}
