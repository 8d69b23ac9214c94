import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lifecycle (embargo, announcement), tags for filtering and full-text search.
 * Search runs in the article's language: french and english stemming, simple
 * for the rest, all accent-insensitive through unaccent ("economie" finds "Économie").
 */
export class LifecycleSearchTags1764160000000 implements MigrationInterface {
  name = 'LifecycleSearchTags1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    for (const [config, base, stem] of [
      ['depeche_fr', 'french', 'french_stem'],
      ['depeche_en', 'english', 'english_stem'],
      ['depeche_simple', 'simple', 'simple'],
    ]) {
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ${config} (COPY = pg_catalog.${base})`);
      await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION ${config} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}`);
    }
    // IMMUTABLE so the write path and the query planner agree on one configuration per language.
    await queryRunner.query(`
      CREATE FUNCTION depeche_search_config(language text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE split_part(lower(coalesce(language, '')), '-', 1) WHEN 'fr' THEN 'depeche_fr' WHEN 'en' THEN 'depeche_en' ELSE 'depeche_simple' END
      $$`);

    // published_at: when consumers were first told (null while under embargo).
    await queryRunner.query(`ALTER TABLE "articles" ALTER COLUMN "published_at" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "articles"
      ADD "section_key" text NOT NULL DEFAULT 'general',
      ADD "embargo_until" TIMESTAMP WITH TIME ZONE,
      ADD "correlation_id" text,
      ADD "search_config" text NOT NULL DEFAULT 'depeche_simple',
      ADD "search" tsvector`);
    await queryRunner.query(`CREATE INDEX "articles_section_listing" ON "articles" ("section_key", "published_at", "id") WHERE "status" = 'published'`);
    await queryRunner.query(`CREATE INDEX "articles_language_listing" ON "articles" ("language", "published_at", "id") WHERE "status" = 'published'`);
    await queryRunner.query(`CREATE INDEX "articles_embargo_due" ON "articles" ("embargo_until") WHERE "status" = 'embargoed'`);
    await queryRunner.query(`CREATE INDEX "articles_search" ON "articles" USING GIN ("search") WHERE "status" = 'published'`);

    await queryRunner.query(`ALTER TABLE "article_revisions" ADD "correlation_id" text, ADD "tagger" text`);

    await queryRunner.query(`
      CREATE TABLE "article_tags" (
        "article_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "code" text NOT NULL,
        "name_key" text,
        "published_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_article_tags" PRIMARY KEY ("article_id", "kind", "code")
      )`);
    await queryRunner.query(`CREATE INDEX "article_tags_code" ON "article_tags" ("kind", "code", "published_at")`);
    await queryRunner.query(`CREATE INDEX "article_tags_name" ON "article_tags" ("name_key", "published_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "article_tags"`);
    await queryRunner.query(`ALTER TABLE "article_revisions" DROP COLUMN "tagger", DROP COLUMN "correlation_id"`);
    for (const index of ['articles_search', 'articles_embargo_due', 'articles_language_listing', 'articles_section_listing'])
      await queryRunner.query(`DROP INDEX "${index}"`);
    await queryRunner.query(
      `ALTER TABLE "articles" DROP COLUMN "search", DROP COLUMN "search_config", DROP COLUMN "correlation_id", DROP COLUMN "embargo_until", DROP COLUMN "section_key"`,
    );
    await queryRunner.query(`DELETE FROM "articles" WHERE "published_at" IS NULL`);
    await queryRunner.query(`ALTER TABLE "articles" ALTER COLUMN "published_at" SET NOT NULL`);
    await queryRunner.query(`DROP FUNCTION depeche_search_config(text)`);
    for (const config of ['depeche_simple', 'depeche_en', 'depeche_fr']) await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION ${config}`);
  }
}
