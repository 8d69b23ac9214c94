import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every version of every article, never updated: what produced it and what it was. */
@Entity({ name: 'article_revisions' })
export class ArticleRevisionEntity {
  @PrimaryColumn('uuid', { name: 'article_id' })
  articleId: string;

  @PrimaryColumn('integer')
  revision: number;

  /** submit, update, correct or kill. */
  @Column('text')
  action: string;

  /** The event that produced this revision. */
  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('jsonb')
  document: unknown;

  @Column('text', { nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
