import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscribers, the lifecycle events owed to them, and one delivery row per event and
 * subscriber: the queue, the retry schedule and the delivery log in one table.
 */
export class Subscribers1764300000000 implements MigrationInterface {
  name = 'Subscribers1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscribers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        format text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        status text NOT NULL DEFAULT 'active',
        paused_reason text,
        consecutive_failures int NOT NULL DEFAULT 0,
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        deliver_from timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE delivery_events (
        event_id uuid PRIMARY KEY,
        type text NOT NULL,
        article_id uuid NOT NULL,
        revision int NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE deliveries (
        id bigserial PRIMARY KEY,
        subscriber_id uuid NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES delivery_events(event_id),
        article_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_attempt_at timestamptz,
        last_status int,
        last_error text,
        delivered_at timestamptz,
        latency_ms int,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscriber_id, event_id)
      )`);
    // The worker's question: what is due, subscriber by subscriber; and what comes before it for the same story.
    await queryRunner.query(`CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX deliveries_story ON deliveries (subscriber_id, article_id, id) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX deliveries_log ON deliveries (subscriber_id, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deliveries`);
    await queryRunner.query(`DROP TABLE delivery_events`);
    await queryRunner.query(`DROP TABLE subscribers`);
  }
}
