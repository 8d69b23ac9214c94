import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { type Subjects } from '#contracts';
import { createEvent, EventPublisher, IntakeStatusStore, SUBJECTS } from '#messaging';
import type { EditorArticleDto } from '../dtos/editor-article.dto.js';
import { toCanonicalArticle } from './editor-article.mapper.js';

export interface IntakeResult {
  id: string;
  duplicate: boolean;
}

/**
 * Turns a submission into an ingested event. The same source + externalId is
 * one article: identical content is a duplicate (no event), new content an update.
 */
@Injectable()
export class ArticleIntakeService {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly statuses: IntakeStatusStore,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
  ) {}

  async submit(dto: EditorArticleDto, correlationId: string): Promise<IntakeResult> {
    const identity = await this.identify(dto);
    if (identity.duplicate) return { id: identity.id, duplicate: true };
    const now = new Date().toISOString();
    const article = toCanonicalArticle(dto, identity.id, identity.version, now);
    await this.statuses.setStatus({ articleId: article.id, status: 'received', correlationId });
    const event = createEvent(
      'news.article.ingested',
      { action: identity.version === 1 ? 'submit' : 'update', article, receivedAt: now },
      { correlationId, producer: 'ingest' },
    );
    await this.publisher.publish(this.subjects.ingested, event);
    return { id: article.id, duplicate: false };
  }

  private async identify(dto: EditorArticleDto): Promise<{ id: string; version: number; duplicate: boolean }> {
    if (!dto.externalId) return { id: randomUUID(), version: 1, duplicate: false };
    const source = dto.source ?? 'editor';
    const contentHash = hashOf(dto);
    const id = randomUUID();
    const claim = await this.statuses.claim(source, dto.externalId, { articleId: id, contentHash, version: 1 });
    if (claim.claimed) return { id, version: 1, duplicate: false };
    const { existing } = claim;
    if (existing.contentHash === contentHash) return { id: existing.articleId, version: existing.version, duplicate: true };
    const version = existing.version + 1;
    await this.statuses.updateClaim(source, dto.externalId, { ...existing, contentHash, version }, claim.revision);
    return { id: existing.articleId, version, duplicate: false };
  }
}

function hashOf(dto: EditorArticleDto): string {
  const ordered = Object.keys(dto).sort().map((key) => [key, dto[key as keyof EditorArticleDto]]);
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}
