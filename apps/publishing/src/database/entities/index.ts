import { ArticleRevisionEntity } from './article-revision.entity.js';
import { ArticleEntity } from './article.entity.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { ProcessedEventEntity } from './processed-event.entity.js';

export { ArticleEntity, ArticleRevisionEntity, OutboxMessageEntity, ProcessedEventEntity };
export const ENTITIES = [ArticleEntity, ArticleRevisionEntity, OutboxMessageEntity, ProcessedEventEntity];
