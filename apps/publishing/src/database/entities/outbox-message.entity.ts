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

  /** A second subject the payload is published to, with its own Nats-Msg-Id (a lifecycle event's routed copy). */
  @Column('text', { name: 'copy_subject', nullable: true })
  copySubject: string | null;

  @Column('text', { name: 'copy_msg_id', nullable: true })
  copyMsgId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
