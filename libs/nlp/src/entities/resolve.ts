import type { Chain } from './chains.js';
import { tokenLower, type TagContext } from './context.js';
import { ORG_HEADS, ORG_TAILS, PLACE_TAILS } from './cues.js';
import { frenchInstitutionEnd, institutionStart, streetStart } from './french.js';
import { longestMatch } from './gazetteer.js';
import { makeMention } from './mention.js';
import { afterPlaceEnd, institutionEnd, orgTailEnd, personRunEnd, unknownRunEnd } from './runs.js';
import { typeUnknown, type Typing } from './typing.js';
import type { LexiconEntity, Mention } from './types.js';
import { everyday, initialWord, isConnector, isFiller, isTitle, shoutedWord } from './words.js';

interface Step {
  mention?: Mention;
  next: number;
}

const ORGANISATION: Typing = { type: 'organisation', confidence: 0.7 };
const LIKELY_ORGANISATION: Typing = { type: 'organisation', confidence: 0.6 };
const PERSON: Typing = { type: 'person', confidence: 0.75 };
const LIKELY_PLACE: Typing = { type: 'place', confidence: 0.6 };

const spanStep = (ctx: TagContext, from: number, to: number, typing: Typing): Step => ({ mention: makeMention(ctx, from, to, typing), next: to });

/** Splits one capitalised chain into typed mentions. */
export function resolveChain(ctx: TagContext, chain: Chain): Mention[] {
  const french = ctx.language === 'fr' ? frenchLead(ctx, chain) : undefined;
  if (french) return [french];
  const out: Mention[] = [];
  let personCue = isTitle(ctx, chain.from - 1);
  let pos = chain.from;
  while (pos < chain.to) {
    if (isTitle(ctx, pos) || isConnector(ctx, pos)) {
      // "PDG de Scale AI": a title followed by a particle governs a company, not a person.
      personCue = isTitle(ctx, pos);
      pos++;
      continue;
    }
    const step = resolveAt(ctx, pos, chain.to, personCue);
    if (step.mention) out.push(step.mention);
    pos = step.next;
    personCue = false;
  }
  return out;
}

/** A French lower-case word that opens the name: "rue des Écoles", "hôpital Begin". */
function frenchLead(ctx: TagContext, chain: Chain): Mention | undefined {
  const street = streetStart(ctx, chain.from);
  if (street !== undefined) return makeMention(ctx, street, chain.to, LIKELY_PLACE);
  const institution = institutionStart(ctx, chain.from);
  return institution === undefined ? undefined : makeMention(ctx, institution, chain.to, LIKELY_ORGANISATION);
}

/** The mention that starts at `pos`, most reliable evidence first. */
function resolveAt(ctx: TagContext, pos: number, limit: number, personCue: boolean): Step {
  const known = longestMatch(ctx, pos, limit);
  // A lexicon name of several words beats any shape; a one-word name ("Hassan") may be a first name.
  if (known && known.to - pos > 1) return knownStep(ctx, pos, known.to, limit, known.entity);
  const shaped = shapedStep(ctx, pos, limit);
  if (shaped) return shaped;
  if (known) return knownStep(ctx, pos, known.to, limit, known.entity);
  if (isFiller(ctx, pos) || initialWord(ctx, pos) || shoutedWord(ctx, pos)) return { next: pos + 1 };
  const end = unknownRunEnd(ctx, pos, limit);
  // "Shadow Home Secretary", "Foreign Minister": capitalised words of a title, not a name.
  if (isTitle(ctx, end)) return { next: end };
  return spanStep(ctx, pos, end, typeUnknown(ctx, pos, end, personCue));
}

/** Names recognised by their shape: institution words, French institution phrases, first names. */
function shapedStep(ctx: TagContext, pos: number, limit: number): Step | undefined {
  const named = orgTailEnd(ctx, pos, limit);
  if (named) return spanStep(ctx, pos, named, ORGANISATION);
  const french = ctx.language === 'fr' && ORG_HEADS.has(tokenLower(ctx, pos)) ? frenchInstitutionEnd(ctx, pos) : undefined;
  if (french && french > limit) return spanStep(ctx, pos, french, LIKELY_ORGANISATION);
  const institution = institutionEnd(ctx, pos, limit);
  if (institution) return spanStep(ctx, pos, institution, ORGANISATION);
  const person = personRunEnd(ctx, pos, limit);
  return person ? spanStep(ctx, pos, person, PERSON) : undefined;
}

function knownStep(ctx: TagContext, pos: number, to: number, limit: number, entity: LexiconEntity | undefined): Step {
  return entity?.type === 'place' ? placeStep(ctx, pos, to, limit, entity) : lexiconStep(ctx, pos, to, entity);
}

/** A known place followed by more capitalised words: "Irving Police Department", "New Orleans Saints". */
function placeStep(ctx: TagContext, pos: number, placeEnd: number, limit: number, entity: LexiconEntity): Step {
  const end = afterPlaceEnd(ctx, placeEnd, limit);
  if (end === placeEnd) return lexiconStep(ctx, pos, placeEnd, entity);
  // "Irving Independent School District": an institution word anywhere makes it an organisation.
  for (let i = placeEnd; i < end; i++) if (ORG_TAILS.has(tokenLower(ctx, i))) return spanStep(ctx, pos, end, LIKELY_ORGANISATION);
  if (PLACE_TAILS.has(tokenLower(ctx, end - 1))) return spanStep(ctx, pos, end, LIKELY_PLACE);
  if (everyday(ctx, placeEnd, end)) return spanStep(ctx, pos, end, LIKELY_ORGANISATION);
  return lexiconStep(ctx, pos, placeEnd, entity);
}

function lexiconStep(ctx: TagContext, from: number, to: number, entity: LexiconEntity | undefined): Step {
  if (!entity) return { next: to }; // a known non-entity ("World Cup")
  // A capital after a sentence break proves nothing, but a lexicon hit of two words does.
  const confidence = to - from > 1 || !ctx.tokens[from]!.initial ? 0.9 : 0.8;
  return { mention: makeMention(ctx, from, to, { type: entity.type, confidence }, entity), next: to };
}
