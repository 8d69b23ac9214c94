import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SHARED = path.resolve(process.cwd(), '../shared');

/** The seed page as an editor would submit it: section, headline, standfirst, body (teasers left out). */
export function seedAsEditorArticle() {
  const text = readFileSync(path.join(SHARED, 'samples/seed-economie-fr.txt'), 'utf8');
  const [section, headline, standfirst, ...rest] = text.split('\n');
  const body = rest.slice(0, rest.indexOf('-')).join('\n');
  return { section: section!, headline: headline!, standfirst: standfirst!, body };
}
