export { createTopicClassifier } from './topic-classifier.js';
export type { TopicClassifier, TopicInput, TopicScore, TopicWeights } from './topic-classifier.js';
export { labelOf, loadVocabulary, topLevelOf } from './vocabulary.js';
export type { Concept, Vocabulary } from './vocabulary.js';
export { topicOfSection } from './sections.js';
