import { describe, expect, it } from '@jest/globals';
import { createEntityTagger } from './index.js';

// Names recognised by their shape rather than by the lexicon.
const tagger = createEntityTagger({ taggerId: 'nlp@test' });
const spans = (text: string, language: string) =>
  tagger
    .tag(text, language)
    .flatMap((t) => t.mentions.map((m) => `${t.type}:${m.text}`))
    .sort();

describe('names recognised by their shape', () => {
  it('keeps middle initials inside a person name', () => {
    expect(spans('General William T. Sherman marched on.', 'en')).toEqual(['person:William T. Sherman']);
  });

  it('types runs ending in an institution word as organisations', () => {
    expect(spans('A spokesman for the Irving Police Department declined to comment.', 'en')).toEqual(['organisation:Irving Police Department']);
  });

  it('leaves the place alone after a generic word followed by a place', () => {
    expect(spans('Le musée de Lyon rouvre.', 'fr')).toEqual(['place:Lyon']);
  });

  it('takes the street word into a French street name', () => {
    expect(spans('Le magasin de la rue des Écoles a fermé.', 'fr')).toEqual(['place:rue des Écoles']);
  });

  it('keeps the channel number of a broadcaster', () => {
    expect(spans('The match is live on Sky Sports 2 from 7pm.', 'en')).toEqual(['organisation:Sky Sports 2']);
  });

  it('reads a brand written with an inner capital as an organisation', () => {
    expect(spans('The start-up DataNova raised money.', 'en')).toEqual(['organisation:DataNova']);
  });

  it('does not take centuries, model codes or plural acronyms for names', () => {
    expect(spans('Au XXe siècle, l’A380 volait déjà.', 'fr')).toEqual([]);
    expect(spans('Several MPs voted against it.', 'en')).toEqual([]);
  });

  it('types a place from its preposition when no list knows it', () => {
    expect(spans('Il est né à Kerbrinec en 1950.', 'fr')).toEqual(['place:Kerbrinec']);
  });
});
