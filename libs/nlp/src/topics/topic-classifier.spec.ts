import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTopicClassifier, type TopicClassifier } from './topic-classifier.js';
import { loadVocabulary, topLevelOf } from './vocabulary.js';
import { exampleAsEditorArticle } from '../../../../test/harness/fixtures.js';

const ECONOMY = 'medtop:04000000';
const SPORT = 'medtop:15000000';
const ARTS = 'medtop:01000000';
const DISASTER = 'medtop:03000000';
const POLITICS = 'medtop:11000000';
const CONFLICT = 'medtop:16000000';

/** The example page's article as the classifier gets it (teasers left out). */
function readExample(): { section: string; headline: string; lead: string; text: string } {
  const { section, headline, standfirst, body } = exampleAsEditorArticle();
  return { section, headline, lead: standfirst, text: body };
}

describe('topic classifier (IPTC Media Topics, top level)', () => {
  let classifier: TopicClassifier;
  beforeAll(() => {
    classifier = createTopicClassifier();
  });

  it('puts economy first for the example article (a battery maker raising funds)', () => {
    const topics = classifier.classify({ ...readExample(), language: 'fr' });
    expect(topics[0].code).toBe(ECONOMY);
    expect(topics[0].name).toMatch(/conomie/);
  });

  it('returns one to three topics, primary first, scores in [0, 1]', () => {
    const topics = classifier.classify({
      headline: 'Le PSG remporte la finale de la Coupe de France',
      text: "L'entraîneur a salué la victoire de son équipe au stade, devant 80 000 supporters, après un but en fin de match.",
      language: 'fr',
    });
    expect(topics[0].code).toBe(SPORT);
    expect(topics.length).toBeLessThanOrEqual(3);
    for (const t of topics) expect(t.score).toBeGreaterThanOrEqual(0);
    for (const t of topics) expect(t.score).toBeLessThanOrEqual(1);
  });

  it('labels in English for English copy', () => {
    const [primary] = classifier.classify({
      headline: 'Central bank raises interest rates as inflation climbs',
      text: 'Investors sold shares and bonds after the bank said inflation and prices would keep rising this quarter.',
      language: 'en',
    });
    expect(primary).toMatchObject({ code: ECONOMY, name: 'economy, business and finance' });
  });

  it('counts the provider section and subject codes as evidence', () => {
    const text = 'Une réunion a eu lieu hier.';
    expect(classifier.classify({ text, language: 'fr', section: 'Économie' })[0].code).toBe(ECONOMY);
    expect(classifier.classify({ text, language: 'fr', knownCodes: ['subj:15000000'] })[0].code).toBe(SPORT);
  });

  it('does not read "partir" or "jeudi" as politics or leisure (prefix collisions)', () => {
    expect(classifier.classify({ text: 'Il doit partir jeudi.', language: 'fr' })).toEqual([]);
  });

  it('puts first the topic that explains the headline, even when the body repeats another subject', () => {
    const topics = classifier.classify({
      headline: 'Singer releases new album',
      text: 'The singer released a new album on Friday. A former player of his home football club, he chose between the stadium and the stage; the team, its coach and the club fans backed him during his last season, and the match.',
      language: 'en',
    });
    expect(topics[0].code).toBe(ARTS);
    expect(topics.map((t) => t.code)).toContain(SPORT);
  });

  it('counts a matched phrase once, not again through its words ("White House" is not a house)', () => {
    expect(classifier.classify({ text: 'The White House said on Monday it would answer.', language: 'en' }).map((t) => t.code)).toEqual([POLITICS]);
  });

  it('lets the event, not the casualty count, decide between conflict, disaster and crime', () => {
    const protest = classifier.classify({
      headline: 'Manifestation contre la réforme : deux morts et des dizaines de blessés',
      text: "Des milliers de manifestants ont défilé samedi. Des heurts ont éclaté avec les forces de l'ordre, qui ont tiré des gaz lacrymogènes.",
      language: 'fr',
    });
    expect(protest[0].code).toBe(CONFLICT);
    const flood = classifier.classify({
      headline: 'Three dead, twelve injured as floods sweep the valley',
      text: 'Rescue teams evacuated hundreds of residents after the river burst its banks.',
      language: 'en',
    });
    expect(flood[0].code).toBe(DISASTER);
  });

  it('maps deep and legacy codes to their top level', () => {
    const vocabulary = loadVocabulary();
    expect(topLevelOf('medtop:20000200', vocabulary)).toBe(ECONOMY);
    expect(topLevelOf('subj:15000000', vocabulary)).toBe(SPORT);
  });
});
