import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ArticleState = 'published' | 'killed';

/** The current version of each article; its history lives in article_revisions. */
@Entity({ name: 'articles' })
@Index('articles_listing', ['publishedAt', 'id'], { where: `"status" = 'published'` })
@Index('articles_source_external_id', ['source', 'externalId'])
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

  @Column('text')
  headline: string;

  /** The canonical article as last published. */
  @Column('jsonb')
  document: unknown;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'kill_reason', nullable: true })
  killReason: string | null;

  @Column('timestamptz', { name: 'killed_at', nullable: true })
  killedAt: Date | null;
}
