import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every version of every article, never updated: what produced it and what it was. */
@Entity({ name: 'article_revisions' })
export class ArticleRevisionEntity {
  @PrimaryColumn('uuid', { name: 'article_id' })
  articleId: string;

  @PrimaryColumn('integer')
  revision: number;

  /** submit, update, correct, kill, reenrich or release (an embargo lifted). */
  @Column('text')
  action: string;

  /** The event that produced this revision. */
  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('jsonb')
  document: unknown;

  /** The correction note, or the kill reason. */
  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;

  /** facts.tagger of the document: which tagger version produced its automatic tags. */
  @Column('text', { nullable: true })
  tagger: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
