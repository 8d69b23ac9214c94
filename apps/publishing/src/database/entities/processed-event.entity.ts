import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Ids of the events already applied: JetStream delivers at least once, effects happen once. */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'processed_at' })
  processedAt: Date;
}
