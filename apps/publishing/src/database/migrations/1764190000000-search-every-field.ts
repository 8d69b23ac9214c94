import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search vector covers every field a reader searches by, weighted: headline
 * (A), standfirst and section (B), keywords and entity names (C), body (D), in
 * the article's language configuration (accent-folded by unaccent). One SQL
 * function builds it, for new revisions and for the articles already stored.
 */
export class SearchEveryField1764190000000 implements MigrationInterface {
  name = 'SearchEveryField1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION depeche_search_vector(config regconfig, headline text, standfirst text, section text, terms text, body text)
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector(config, coalesce(headline, '')), 'A')
          || setweight(to_tsvector(config, coalesce(standfirst, '')), 'B')
          || setweight(to_tsvector(config, coalesce(section, '')), 'B')
          || setweight(to_tsvector(config, coalesce(terms, '')), 'C')
          || setweight(to_tsvector(config, coalesce(body, '')), 'D')
      $$`);
    await queryRunner.query(`
      UPDATE articles a SET search = depeche_search_vector(a.search_config::regconfig, a.headline,
        concat_ws(E'\\n', a.document->>'subheadline', a.document->>'standfirst'), a.section,
        (SELECT string_agg(term, ' ') FROM (
           SELECT k->>'value' AS term FROM jsonb_array_elements(coalesce(a.document->'keywords', '[]')) k
           UNION ALL
           SELECT e->>'name' FROM jsonb_array_elements(coalesce(a.document->'people', '[]') || coalesce(a.document->'organisations', '[]') || coalesce(a.document->'places', '[]')) e
         ) terms),
        left(a.document->>'bodyText', 200000))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE articles SET search = setweight(to_tsvector(search_config::regconfig, headline), 'A')
        || setweight(to_tsvector(search_config::regconfig, concat_ws(E'\\n', document->>'subheadline', document->>'standfirst')), 'B')
        || to_tsvector(search_config::regconfig, coalesce(left(document->>'bodyText', 200000), ''))`);
    await queryRunner.query(`DROP FUNCTION depeche_search_vector(regconfig, text, text, text, text, text)`);
  }
}
