import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lookups that must not grow with the log. A kill is owed to the subscribers that had the story: that asks
 * for a subscriber's rows of one story whatever their status, which the pending-only story index could not
 * answer (it read the subscriber's whole log). The retention sweep asks whether an event still has rows:
 * the uniqueness of (event, subscriber) now leads with the event, and events are found by when they came.
 * And the queue is analysed and vacuumed often, with room left in each page: every row is written three
 * times (the lease can then stay on its page, without new index entries), and a claim's plan reads the
 * backlog in index order only once Postgres has statistics that show how many rows are pending.
 */
export class DeliveryLookups1764400000000 implements MigrationInterface {
  name = 'DeliveryLookups1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deliveries_story`);
    await queryRunner.query(`CREATE INDEX deliveries_story ON deliveries (subscriber_id, article_id, id)`);
    await queryRunner.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_subscriber_id_event_id_key`);
    await queryRunner.query(`ALTER TABLE deliveries ADD CONSTRAINT deliveries_event_subscriber_key UNIQUE (event_id, subscriber_id)`);
    await queryRunner.query(`CREATE INDEX delivery_events_received ON delivery_events (received_at)`);
    await queryRunner.query(
      `ALTER TABLE deliveries SET (fillfactor = 70, autovacuum_analyze_threshold = 1000, autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.05)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deliveries RESET (fillfactor, autovacuum_analyze_threshold, autovacuum_analyze_scale_factor, autovacuum_vacuum_scale_factor)`,
    );
    await queryRunner.query(`DROP INDEX delivery_events_received`);
    await queryRunner.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_event_subscriber_key`);
    await queryRunner.query(`ALTER TABLE deliveries ADD CONSTRAINT deliveries_subscriber_id_event_id_key UNIQUE (subscriber_id, event_id)`);
    await queryRunner.query(`DROP INDEX deliveries_story`);
    await queryRunner.query(`CREATE INDEX deliveries_story ON deliveries (subscriber_id, article_id, id) WHERE status = 'pending'`);
  }
}
