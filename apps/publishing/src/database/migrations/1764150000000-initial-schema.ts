import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764150000000 implements MigrationInterface {
  name = 'InitialSchema1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "articles" (
        "id" uuid NOT NULL,
        "source" text NOT NULL,
        "external_id" text,
        "revision" integer NOT NULL,
        "status" text NOT NULL,
        "language" text,
        "section" text,
        "headline" text NOT NULL,
        "document" jsonb NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "kill_reason" text,
        "killed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_articles" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "articles_listing" ON "articles" ("published_at", "id") WHERE "status" = 'published'`);
    await queryRunner.query(`CREATE INDEX "articles_source_external_id" ON "articles" ("source", "external_id")`);
    await queryRunner.query(`
      CREATE TABLE "article_revisions" (
        "article_id" uuid NOT NULL,
        "revision" integer NOT NULL,
        "action" text NOT NULL,
        "event_id" uuid NOT NULL,
        "document" jsonb NOT NULL,
        "note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_article_revisions" PRIMARY KEY ("article_id", "revision")
      )`);
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" BIGSERIAL NOT NULL,
        "subject" text NOT NULL,
        "msg_id" text NOT NULL,
        "payload" text NOT NULL,
        "correlation_id" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_outbox_msg_id" UNIQUE ("msg_id"),
        CONSTRAINT "PK_outbox" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "processed_events" (
        "event_id" uuid NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_processed_events" PRIMARY KEY ("event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "processed_events"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "article_revisions"`);
    await queryRunner.query(`DROP TABLE "articles"`);
  }
}
