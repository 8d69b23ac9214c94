import { ArticleRevisionEntity } from './article-revision.entity.js';
import { ArticleTagEntity } from './article-tag.entity.js';
import { ArticleEntity } from './article.entity.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { ProcessedEventEntity } from './processed-event.entity.js';

export { ArticleEntity, ArticleRevisionEntity, ArticleTagEntity, OutboxMessageEntity, ProcessedEventEntity };
export const ENTITIES = [ArticleEntity, ArticleRevisionEntity, ArticleTagEntity, OutboxMessageEntity, ProcessedEventEntity];
