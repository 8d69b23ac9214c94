import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Events owed to NATS, written in the same transaction as the article; the relay publishes and deletes them. */
@Entity({ name: 'outbox' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text')
  subject: string;

  /** Nats-Msg-Id: JetStream drops a second publish of the same row. */
  @Column('text', { name: 'msg_id', unique: true })
  msgId: string;

  @Column('text')
  payload: string;

  @Column('text', { name: 'correlation_id' })
  correlationId: string;

  /** W3C trace context of the handling that owed the event, passed on to consumers. */
  @Column('text', { nullable: true })
  traceparent: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
