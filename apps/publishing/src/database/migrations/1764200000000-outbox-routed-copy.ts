import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lifecycle event and its routed copy share one outbox row: the article is stored once and published twice. */
export class OutboxRoutedCopy1764200000000 implements MigrationInterface {
  name = 'OutboxRoutedCopy1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "copy_subject" text`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "copy_msg_id" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "copy_msg_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "copy_subject"`);
  }
}
