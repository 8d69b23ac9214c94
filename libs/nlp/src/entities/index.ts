/**
 * Named-entity tagger for French and English news: people, organisations, places.
 *
 * 1. tokenize: words with offsets; elided articles (l', d') split off, possessives dropped.
 * 2. features + model: two averaged-perceptron stages over BILOU labels, Viterbi-decoded, the
 *    second reading what the first said of the same words elsewhere (see libs/nlp/README.md);
 *    lexicon phrases with lower-case words are matched directly.
 * 3. resolve: spans cut at sentence ends, the lexicon gives canonical names and QIDs.
 * 4. link: short forms take the identity of a full form in the same text (Altman → Sam Altman).
 * 5. group: one EntityTag per entity, with Wikidata QIDs where the lexicon has them.
 */
export { createEntityTagger, type EntityTagger, type EntityTaggerOptions } from './tagger.js';
export {
  scoreEntities,
  scoreDocumentEntities,
  addScores,
  toPrf,
  GOLD_TYPE,
  type EntityScore,
  type GoldMention,
  type PredictedEntity,
  type PrfScore,
  type ScoredSpan,
} from './score.js';
