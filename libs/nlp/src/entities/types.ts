import type { EntityType } from '#contracts';

export type { EntityType };

/** A known entity from the lexicon. */
export interface LexiconEntity {
  type: EntityType;
  name: string;
  qid: string;
}

/** A word of the text with its offsets; `text` excludes a possessive 's. */
export interface Token {
  text: string;
  /** `text` in lower case, computed once. */
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (acronyms, shouted headlines). */
  upper: boolean;
  /** First word of a sentence, line or quotation: capitalisation says nothing there. */
  initial: boolean;
}

/** A candidate or resolved mention over tokens [from, to). */
export interface Mention {
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  entity?: LexiconEntity;
  confidence: number;
  /** Typed by default only: kept if linked to a stronger mention of the same name. */
  weak?: boolean;
}
