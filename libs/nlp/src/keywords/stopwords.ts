import { createRequire } from 'node:module';
import { foldWord } from '../text-facts/fold.js';

type StopwordLists = Record<string, string[]>;

// News filler that general stopword lists keep but that never makes a useful keyword.
const NEWS_FILLER: Record<string, string> = {
  fr: `selon déclaré affirmé indiqué expliqué estimé ajouté annoncé précisé souligné jeudi vendredi samedi dimanche lundi mardi mercredi
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre an ans année années
    million millions milliard milliards euro euros dollar dollars heure heures jour jours semaine semaines mois fois
    plus moins cas fin début part lors hier demain aujourd'hui mme madame monsieur afp reuters`,
  en: `said says told added according monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december year years million millions billion billions dollar dollars percent cent cents
    week weeks month months day days time times mr mrs ms dr including ap reuters`,
};

let cache: Map<string, Set<string>> | undefined;

function load(): Map<string, Set<string>> {
  const lists = createRequire(import.meta.url)('stopwords-iso') as StopwordLists;
  const byLanguage = new Map<string, Set<string>>();
  for (const [language, words] of Object.entries(lists)) {
    const extra = NEWS_FILLER[language]?.split(/\s+/).filter(Boolean) ?? [];
    // Both spellings: tokens are matched lower-cased with accents, capitals often drop them.
    const all = [...words, ...extra].map((w) => w.toLowerCase().replace(/’/g, "'"));
    byLanguage.set(language, new Set([...all, ...all.map(foldWord)]));
  }
  return byLanguage;
}

/** Lower-case stopwords (with and without accents) for a language; French + English when the language has no list (mixed wire copy). */
export function stopwordsFor(language: string | undefined): Set<string> {
  cache ??= load();
  const own = language ? cache.get(language) : undefined;
  if (own) return own;
  const fallbackKey = '*fr+en';
  let fallback = cache.get(fallbackKey);
  if (!fallback) {
    fallback = new Set([...(cache.get('fr') ?? []), ...(cache.get('en') ?? [])]);
    cache.set(fallbackKey, fallback);
  }
  return fallback;
}
