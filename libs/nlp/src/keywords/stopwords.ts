import { createRequire } from 'node:module';
import { foldWord } from '../text-facts/fold.js';

type StopwordLists = Record<string, string[]>;

// News filler that general stopword lists keep but that never makes a useful keyword: reporting
// verbs in their common forms, days, months, units of time and money, titles, agency names.
const NEWS_FILLER: Record<string, string> = {
  fr: `selon déclaré affirmé indiqué expliqué estimé ajouté annoncé précisé souligné jeudi vendredi samedi dimanche lundi mardi mercredi
    dit dire déclare affirme indique explique estime ajoute annonce précise souligne assure rapporte raconte confie poursuit conclut
    rappelle reconnaît reconnu assuré rapporté raconté confié poursuivi conclu rappelé répondu répond insiste insisté prévenu prévient
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre an ans année années
    million millions milliard milliards euro euros dollar dollars heure heures jour jours semaine semaines mois fois
    plus moins cas fin début part lors hier demain aujourd'hui mme madame monsieur afp reuters`,
  en: `said says told added according stated announced explained noted reported claimed confirmed warned insisted argued asked replied declared
    say tell tells adding saying noting stating monday tuesday wednesday thursday friday saturday sunday january february march april may june july
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

/**
 * Lower-case stopwords (with and without accents) of a language, always with the French and
 * English ones: wire copy mixes them (an English quote in a French story), and a language
 * declared wrong must not make "the" or "said" a keyword.
 */
export function stopwordsFor(language: string | undefined): Set<string> {
  cache ??= load();
  const key = `${language ?? ''}+fr+en`;
  let merged = cache.get(key);
  if (!merged) {
    merged = new Set([...(cache.get('fr') ?? []), ...(cache.get('en') ?? []), ...((language && cache.get(language)) || [])]);
    cache.set(key, merged);
  }
  return merged;
}
