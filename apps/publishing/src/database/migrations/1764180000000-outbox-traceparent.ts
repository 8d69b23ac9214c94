import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lifecycle events keep the trace context of the handling that owed them, through the outbox. */
export class OutboxTraceparent1764180000000 implements MigrationInterface {
  name = 'OutboxTraceparent1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "traceparent" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "traceparent"`);
  }
}
