import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** embargoed: stored, invisible and unannounced until its time; published: on every read path; killed: withdrawn. */
export type ArticleState = 'embargoed' | 'published' | 'killed';

/** The current version of each article; its history lives in article_revisions. */
@Entity({ name: 'articles' })
@Index('articles_listing', ['publishedAt', 'id'], { where: `"status" = 'published'` })
@Index('articles_section_listing', ['sectionKey', 'publishedAt', 'id'], { where: `"status" = 'published'` })
@Index('articles_language_listing', ['language', 'publishedAt', 'id'], { where: `"status" = 'published'` })
@Index('articles_embargo_due', ['embargoUntil'], { where: `"status" = 'embargoed'` })
@Index('articles_source_external_id', ['source', 'externalId'])
// GIN with a predicate: TypeORM cannot describe it, the migration owns it.
@Index('articles_search', { synchronize: false })
export class ArticleEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  source: string;

  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;

  @Column('integer')
  revision: number;

  @Column('text')
  status: ArticleState;

  @Column('text', { nullable: true })
  language: string | null;

  @Column('text', { nullable: true })
  section: string | null;

  /** The section slugged as in subjects and feed URLs ("Économie" → "economie"). */
  @Column('text', { name: 'section_key', default: 'general' })
  sectionKey: string;

  @Column('text')
  headline: string;

  /** The canonical article as last stored. */
  @Column('jsonb')
  document: unknown;

  /** When consumers were first told; null while under embargo (or killed before release). */
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'embargo_until', nullable: true })
  embargoUntil: Date | null;

  /** Of the request that produced the current revision; the embargo release follows it. */
  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;

  @Column('text', { name: 'kill_reason', nullable: true })
  killReason: string | null;

  @Column('timestamptz', { name: 'killed_at', nullable: true })
  killedAt: Date | null;

  /** Text search configuration of the article's language (depeche_fr, depeche_en, depeche_simple). */
  @Column('text', { name: 'search_config', default: 'depeche_simple' })
  searchConfig: string;

  @Column('tsvector', { nullable: true, select: false })
  search: string | null;
}
