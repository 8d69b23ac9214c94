import { tokenLower, type TagContext } from './context.js';
import { adjacent } from './tokenize.js';

// French names of institutions and streets go on in lower case after a capitalised head:
// "Autorité de sûreté nucléaire", "Observatoire des inégalités", "rue des Écoles".

const ADJECTIVE = /^[\p{Ll}-]{3,}(?:ais|aise|aises|ain|aine|aines|ains|al|ale|ales|aux|el|elle|elles|els|ien|ienne|iennes|iens|ique|iques|aire|aires|if|ive|ives|ifs|ée|ées|és|ois|oise|oises|iste|istes|ate|ates|eux|euse|euses|ier|ière|ières|iers|ine|ines|ant|ante|ants|antes|ent|ente|ents|entes)$/u;
const COMPLEMENT = new Set(['de', 'des', 'du', "d'", 'd’', 'pour']);
const ARTICLE = new Set(['la', 'le', 'les', "l'", 'l’']);
const MAX_WORDS = 7;
/** Lower-case words that open a street name: the whole "rue de Vannes" is the place. */
export const STREET_WORDS = new Set(['rue', 'avenue', 'boulevard', 'quai', 'impasse', 'allée', 'cours', 'chemin', 'esplanade', 'route']);

function isNoun(ctx: TagContext, i: number): boolean {
  const word = tokenLower(ctx, i);
  const nouns = ctx.commonWords;
  return !!nouns && (nouns.has(word) || nouns.has(word.replace(/[sx]$/, '')));
}

const joined = (ctx: TagContext, i: number): boolean => i < ctx.tokens.length && adjacent(ctx.source, ctx.tokens[i - 1]!, ctx.tokens[i]!);
const lowerAt = (ctx: TagContext, i: number): boolean => joined(ctx, i) && !ctx.tokens[i]!.cap;

function skipAdjectives(ctx: TagContext, i: number, limit: number): number {
  while (i < limit && lowerAt(ctx, i) && ADJECTIVE.test(ctx.tokens[i]!.text)) i++;
  return i;
}

/** "de la sûreté", "des inégalités", "de Colombie": one complement after the head. */
function complementEnd(ctx: TagContext, i: number, limit: number): number {
  if (!lowerAt(ctx, i) || !COMPLEMENT.has(tokenLower(ctx, i))) return i;
  let j = i + 1;
  if (lowerAt(ctx, j) && ARTICLE.has(tokenLower(ctx, j))) j++;
  if (!joined(ctx, j) || j >= limit) return i;
  if (ctx.tokens[j]!.cap) {
    while (j < limit && joined(ctx, j) && ctx.tokens[j]!.cap) j++;
    return j;
  }
  return isNoun(ctx, j) ? skipAdjectives(ctx, j + 1, limit) : i;
}

/** End of a French institution name led by the capitalised head at `from`, if it goes on in lower case. */
export function frenchInstitutionEnd(ctx: TagContext, from: number): number | undefined {
  const limit = Math.min(ctx.tokens.length, from + MAX_WORDS);
  const end = complementEnd(ctx, skipAdjectives(ctx, from + 1, limit), limit);
  return end > from + 1 ? end : undefined;
}

/** Lower-case institution words taken into the name that follows: "hôpital Begin", "lycée Victor-Hugo". */
const INSTITUTION_WORDS = new Set(['hôpital', 'comité', 'lycée', 'collège', 'musée', 'clinique', 'institut', 'cabinet', 'orchestre', 'festival']);

/** Index of a lower-case institution word right before token `from`, if the name there is no place. */
export function institutionStart(ctx: TagContext, from: number): number | undefined {
  const i = from - 1;
  if (i < 0 || !INSTITUTION_WORDS.has(tokenLower(ctx, i)) || ctx.tokens[i]!.cap) return undefined;
  if (!adjacent(ctx.source, ctx.tokens[i]!, ctx.tokens[from]!)) return undefined;
  return ctx.lexicon.surfaces.get(ctx.tokens[from]!.text)?.type === 'place' ? undefined : i;
}

/** Index of the street word opening the place that starts at token `from`, if any. */
export function streetStart(ctx: TagContext, from: number): number | undefined {
  let i = from - 1;
  while (i > from - 3 && i >= 0 && (COMPLEMENT.has(tokenLower(ctx, i)) || ARTICLE.has(tokenLower(ctx, i)))) i--;
  if (i < 0 || !STREET_WORDS.has(tokenLower(ctx, i)) || ctx.tokens[i]!.cap) return undefined;
  for (let k = i + 1; k <= from; k++) if (!adjacent(ctx.source, ctx.tokens[k - 1]!, ctx.tokens[k]!)) return undefined;
  return i;
}
