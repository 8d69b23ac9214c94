/**
 * Named-entity tagger for French and English news: people, organisations, places.
 *
 * No model: a lexicon built at build time (libs/nlp/data, see its README) and linguistic rules.
 * 1. tokenize: words with offsets; elided articles (l', d') split off, possessives dropped.
 * 2. phrases + chains: lexicon names with lower-case words are looked up directly; the rest
 *    comes from runs of capitalised words joined by particles (de, of, von …).
 * 3. resolve: each run is cut into mentions, most reliable evidence first: lexicon names,
 *    institution words (Université …, … Council), French institution phrases, first names,
 *    then titles and context (M., Mr, "à X", "the company X", "X said") for unknown names.
 * 4. link: short forms take the identity of a full form in the same text (Altman → Sam Altman).
 * 5. group: one EntityTag per entity, with Wikidata QIDs where the lexicon has them.
 */
export { createEntityTagger, type EntityTagger, type EntityTaggerOptions } from './tagger.js';
export { scoreEntities, scoreDocumentEntities, addScores, toPrf, GOLD_TYPE, type EntityScore, type GoldMention, type PredictedEntity, type PrfScore, type ScoredSpan } from './score.js';
