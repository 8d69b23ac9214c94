import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type TagKind = 'subject' | 'person' | 'organisation' | 'place' | 'keyword';

/** One row per tag of each current article, for filtering by topic and entity without reading documents. */
@Entity({ name: 'article_tags' })
@Index('article_tags_code', ['kind', 'code', 'publishedAt'])
@Index('article_tags_name', ['nameKey', 'publishedAt'])
export class ArticleTagEntity {
  @PrimaryColumn('uuid', { name: 'article_id' })
  articleId: string;

  @PrimaryColumn('text')
  kind: TagKind;

  /** Media Topic code ("medtop:04000000"), entity id ("Q380"), or the keyword itself. */
  @PrimaryColumn('text')
  code: string;

  /** The name lowercased without accents, so "societe generale" finds "Société Générale". */
  @Column('text', { name: 'name_key', nullable: true })
  nameKey: string | null;

  /** Copied from the article so a topic or entity listing stays on this index. */
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
