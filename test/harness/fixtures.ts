import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Documents the project may redistribute (fixtures/MANIFEST.md): everything `npm test` reads. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export const fixturePath = (file: string): string => path.join(FIXTURES, file);
export const fixtureBytes = (file: string): Buffer => readFileSync(fixturePath(file));
export const fixtureText = (file: string): string => readFileSync(fixturePath(file), 'utf8');

/** The example article: a French news page as a scraper saves it, with a teaser list that is not the story. */
export const EXAMPLE_PAGE = 'articles/economie-fr.txt';

/** The example page as an editor would submit it: section, headline, standfirst, body (teasers left out). */
export function exampleAsEditorArticle(): { section: string; headline: string; standfirst: string; body: string } {
  const [section, headline, standfirst, ...rest] = fixtureText(EXAMPLE_PAGE).split('\n');
  const body = rest.slice(0, rest.indexOf('-')).join('\n');
  return { section: section!, headline: headline!, standfirst: standfirst!, body };
}
