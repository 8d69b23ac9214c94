import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { untagged } from '#contracts';
import type { CanonicalArticle } from '#contracts';
import { derivedEventId } from '#messaging';
import { ArticleVersionRepository } from '../repositories/article-version.repository.js';
import { DedupeClaimRepository, type DedupeEntry } from '../repositories/dedupe-claim.repository.js';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { ProblemException, invalidRequest, type ApiKey } from '#runtime';
import type { ArticleUpdateDto } from '../dtos/article-revision.dto.js';
import type { EditorArticleDto } from '../dtos/editor-article.dto.js';
import { toCanonicalArticle } from './editor-article.mapper.js';
import { IngestedEventEmitter } from './ingested-event.emitter.js';
import { ownerOf, sourceRefusal } from './ownership-rules.js';
import { OwnershipService } from './ownership.service.js';

export interface IntakeResult {
  id: string;
  duplicate: boolean;
}

/** A client's Idempotency-Key: a retried request is the same article; the key reused for other content is refused. */
export interface IdempotencyKey {
  /** The API key's name: keys are scoped per client. */
  client: string;
  key: string;
}

interface Identity {
  id: string;
  version: number;
  duplicate: boolean;
  /** The same content again while its first emission was unconfirmed: a retry. */
  resumed?: boolean;
  /** The dedupe entry of a keyed submission, to be confirmed once its event is out. */
  pending?: { source: string; externalId: string; entry: DedupeEntry; revision: number };
}

/**
 * Turns editors' requests into ingested events. The same source + externalId is
 * one article: identical content is a duplicate (no event), new content an update.
 * Update, correct and kill address the article by our id; publishing owns its
 * history and decides what each one means for consumers.
 */
@Injectable()
export class ArticleIntakeService {
  constructor(
    private readonly emitter: IngestedEventEmitter,
    private readonly statuses: IntakeStatusRepository,
    private readonly claims: DedupeClaimRepository,
    private readonly versions: ArticleVersionRepository,
    private readonly ownership: OwnershipService,
  ) {}

  /** `caller` owns the story it creates; a submission that updates an existing story must be allowed to change it. */
  async submit(dto: EditorArticleDto, correlationId: string, idempotency?: IdempotencyKey, caller?: ApiKey): Promise<IntakeResult> {
    const reserved = caller && sourceRefusal(dto.source, caller);
    if (reserved) throw ProblemException.of(403, 'source-reserved', 'Source reserved', reserved);
    // Mapped (and its size checked) before anything is claimed: a refused article leaves no pending claim behind.
    const now = new Date().toISOString();
    const mapped = withEmbargo(toCanonicalArticle(dto, randomUUID(), 1, now), dto.embargo);
    this.emitter.assertFits(mapped);
    const identity = await this.identify(dto, idempotency, caller);
    if (identity.duplicate) return { id: identity.id, duplicate: true };
    const article = { ...mapped, id: identity.id, version: identity.version };
    const action = identity.version === 1 ? 'submit' : 'update';
    // Deterministic when keyed: a retry after a failed publish emits the same event, which JetStream drops if it had gone out.
    const eventId = identity.pending
      ? derivedEventId(article.id, `${identity.pending.entry.version}:${identity.pending.entry.contentHash}:${action}`)
      : undefined;
    const owned = caller && identity.version === 1 ? this.ownership.record(article.id, ownerOf(caller, 'submit')) : undefined;
    await Promise.all([owned, this.emitter.emit(action, article, correlationId, { eventId, resumed: identity.resumed })]);
    if (identity.pending) {
      // Confirmed: the same content sent again is now a duplicate, no longer a retry.
      const { source, externalId, entry, revision } = identity.pending;
      await this.claims.updateClaim(source, externalId, { ...entry, pending: undefined }, revision).catch(() => undefined);
    }
    return { id: article.id, duplicate: false };
  }

  async update(id: string, dto: ArticleUpdateDto, correlationId: string): Promise<IntakeResult> {
    await this.assertSameIdentity(id, dto);
    const { source: _source, externalId: _externalId, ...version } = dto;
    const article = await this.nextVersionOf(id, version);
    await this.emitter.emit('update', article, correlationId);
    return { id, duplicate: false };
  }

  async correct(id: string, dto: ArticleUpdateDto, note: string, correlationId: string): Promise<IntakeResult> {
    const article = await this.nextVersionOf(id, dto);
    await this.emitter.emit('correct', article, correlationId, { correction: note.trim() });
    return { id, duplicate: false };
  }

  /** A kill carries no copy: publishing withdraws what it holds. The article here only keeps the event's shape. */
  async kill(id: string, reason: string, correlationId: string): Promise<IntakeResult> {
    await this.assertKnown(id);
    const now = new Date().toISOString();
    const article: CanonicalArticle = {
      id,
      source: 'editor',
      version: 1,
      headline: 'Killed',
      bodyHtml: '',
      bodyText: '',
      pubStatus: 'canceled',
      versionCreated: now,
      ...untagged(),
    };
    await this.emitter.emit('kill', article, correlationId, { killReason: reason.trim() });
    return { id, duplicate: false };
  }

  private async nextVersionOf(id: string, dto: ArticleUpdateDto): Promise<CanonicalArticle> {
    await this.assertKnown(id);
    const version = await this.versions.next(id);
    const article = toCanonicalArticle(dto, id, version, new Date().toISOString());
    // The story's first creation is publishing's to keep; this request only knows its own time.
    const { firstCreated: _now, ...rest } = article;
    return withEmbargo(rest, dto.embargo);
  }

  /**
   * A PUT may repeat the story's source and externalId, as POST sent them: they
   * must name this article (its dedupe entry), else 422 says which field differs.
   */
  private async assertSameIdentity(id: string, dto: ArticleUpdateDto): Promise<void> {
    if (dto.source === undefined && dto.externalId === undefined) return;
    if (dto.externalId === undefined) {
      const reason = 'can only be sent with the externalId it was received with: the pair identifies the story';
      throw invalidRequest([{ field: 'source', reason }], 'The article has invalid fields.');
    }
    const source = dto.source ?? 'editor';
    const found = await this.claims.findClaim(source, dto.externalId);
    if (found?.existing.articleId === id) return;
    const where = found ? `belongs to article ${found.existing.articleId}` : 'was never received';
    const reason = `does not match article ${id}: source "${source}" with externalId "${dto.externalId}" ${where}; source and externalId cannot change`;
    throw invalidRequest([{ field: dto.source === undefined ? 'externalId' : 'source/externalId', reason }], 'The article has invalid fields.');
  }

  /** Only articles this ingest received can be edited (their status is kept in the KV bucket). */
  private async assertKnown(id: string): Promise<void> {
    if (!(await this.statuses.getStatus(id))) throw ProblemException.of(404, 'not-found', 'Not found', `No article ${id} was received here.`);
  }

  /**
   * A keyed submission is claimed as `pending` until its event is confirmed
   * published: the same content sent again after a failure (NATS away, a crash)
   * emits it again instead of being taken for a duplicate and never published.
   */
  private async identify(dto: EditorArticleDto, idempotency?: IdempotencyKey, caller?: ApiKey): Promise<Identity> {
    const dedupe = dedupeKeyOf(dto, idempotency);
    if (!dedupe) return { id: randomUUID(), version: 1, duplicate: false };
    const { source, externalId } = dedupe;
    const contentHash = hashOf(dto);
    const id = randomUUID();
    const fresh: DedupeEntry = { articleId: id, contentHash, version: 1, pending: 'submit' };
    const claim = await this.claims.claim(source, externalId, fresh);
    if (claim.claimed) return { id, version: 1, duplicate: false, pending: { source, externalId, entry: fresh, revision: claim.revision } };
    const { existing } = claim;
    if (existing.contentHash === contentHash) {
      if (!existing.pending) return { id: existing.articleId, version: existing.version, duplicate: true };
      return {
        id: existing.articleId,
        version: existing.version,
        duplicate: false,
        resumed: true,
        pending: { source, externalId, entry: existing, revision: claim.revision },
      };
    }
    if (!dto.externalId) {
      throw ProblemException.of(
        422,
        'idempotency-key-reused',
        'Idempotency-Key reused',
        `The Idempotency-Key "${externalId}" was already used for a different article; send new content with a new key.`,
      );
    }
    // The same source + externalId as a story someone else owns: checked before the dedupe entry moves on.
    await this.ownership.assertMayChange(existing.articleId, caller);
    const entry: DedupeEntry = { ...existing, contentHash, version: existing.version + 1, pending: 'update' };
    const revision = await this.claims.updateClaim(source, externalId, entry, claim.revision);
    return { id: existing.articleId, version: entry.version, duplicate: false, pending: { source, externalId, entry, revision } };
  }
}

/** What makes two submissions one article: the source's own id, else the client's Idempotency-Key. */
function dedupeKeyOf(dto: EditorArticleDto, idempotency?: IdempotencyKey): { source: string; externalId: string } | undefined {
  if (dto.externalId) return { source: dto.source ?? 'editor', externalId: dto.externalId };
  if (idempotency) return { source: `idempotency-key:${idempotency.client}`, externalId: idempotency.key };
  return undefined;
}

function withEmbargo(article: CanonicalArticle, embargo: string | undefined): CanonicalArticle {
  return embargo ? { ...article, embargo: new Date(embargo).toISOString() } : article;
}

function hashOf(dto: EditorArticleDto): string {
  const ordered = Object.keys(dto)
    .sort()
    .map((key) => [key, dto[key as keyof EditorArticleDto]]);
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}
