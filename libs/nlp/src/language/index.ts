export { createLanguageDetector } from './language-detector.js';
export type { DetectedLanguage, LanguageDetector } from './language-detector.js';
export { contradictsDeclaredLanguage } from './declared-language.js';
