import { describe, expect, it } from '@jest/globals';
import { createEntityTagger } from './index.js';
import { exampleAsEditorArticle } from '../../../../test/harness/fixtures.js';

const tagger = createEntityTagger({ taggerId: 'nlp@test' });
/** The example article as it reaches the tagger: headline, standfirst and body, without the page's teasers. */
function readExample(): string {
  const { headline, standfirst, body } = exampleAsEditorArticle();
  return [headline, standfirst, body].join('\n');
}

const byName = (text: string, language: string) => new Map(tagger.tag(text, language).map((t) => [t.name, t]));

describe('entity tagger on the example article', () => {
  const text = readExample();
  const tags = tagger.tag(text, 'fr');
  const found = byName(text, 'fr');

  it('finds the companies and the union as organisations and the president and minister as people', () => {
    for (const name of ['Renault', 'Stellantis', 'CFDT']) expect(found.get(name)?.type).toBe('organisation');
    for (const name of ['Claire Vasseur', 'Paul Meunier']) expect(found.get(name)?.type).toBe('person');
  });

  it('gives offsets that slice back to each mention and counts them', () => {
    for (const tag of tags) {
      expect(tag.count).toBe(tag.mentions.length);
      for (const m of tag.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(found.get('Claire Vasseur')!.count).toBeGreaterThanOrEqual(2);
  });

  it('uses Wikidata ids where the data have one and slugs otherwise', () => {
    expect(found.get('France')!.id).toBe('Q142');
    expect(found.get('Paul Meunier')!.id).toBe('person:paul-meunier');
  });

  it('records enrichment provenance with the tagger id and a confidence', () => {
    const { provenance } = found.get('Renault')!;
    expect(provenance.source).toBe('enrichment');
    expect(provenance.by).toBe('nlp@test');
    expect(provenance.confidence).toBeGreaterThan(0);
    expect(provenance.confidence).toBeLessThanOrEqual(1);
  });
});

describe('canonical names', () => {
  it('gives the English name of a French exonym and keeps the local form', () => {
    const london = byName('Le sommet s’est tenu à Londres mardi.', 'fr').get('London');
    expect(london).toMatchObject({ type: 'place', localName: 'Londres', mentions: [{ start: 23, end: 30, text: 'Londres' }] });
  });

  it('names London as written in English copy', () => {
    const london = byName('The summit was held in London on Tuesday.', 'en').get('London');
    expect(london?.type).toBe('place');
    expect(london?.localName).toBeUndefined();
  });

  it('links an acronym and the full name to one entity', () => {
    const tags = tagger.tag("L'OTAN a réagi. L'Organisation du traité de l'Atlantique nord se réunira.", 'fr');
    const nato = tags.find((t) => t.name === 'NATO');
    expect(nato?.type).toBe('organisation');
    expect(nato?.mentions.map((m) => m.text)).toEqual(['OTAN', "Organisation du traité de l'Atlantique nord"]);
    expect(tags.filter((t) => t.type === 'place')).toEqual([]);
  });

  it('resolves common French acronyms and club nicknames', () => {
    const found = byName("L'ONU et l'UE saluent la victoire du PSG.", 'fr');
    expect(found.get('United Nations')?.type).toBe('organisation');
    expect(found.get('European Union')?.type).toBe('organisation');
    expect(found.get('Paris Saint-Germain')?.mentions[0]?.text).toBe('PSG');
  });
});

describe('mentions of one person', () => {
  it('groups a surname with the full name seen before', () => {
    const text = 'La ministre Clémence Dubreuil a visité Lyon. Selon Dubreuil, le projet avance.';
    const person = tagger.tag(text, 'fr').find((t) => t.type === 'person');
    expect(person).toMatchObject({ name: 'Clémence Dubreuil', count: 2 });
    expect(person!.mentions[1]).toEqual({ start: 51, end: 59, text: 'Dubreuil' });
  });

  it('leaves titles out of the span', () => {
    const tags = tagger.tag('Prime Minister Jacinda Ardern said Ardern would resign.', 'en');
    expect(tags[0]).toMatchObject({ name: 'Jacinda Ardern', type: 'person', count: 2 });
    expect(tags[0]!.mentions[0]!.start).toBe(15);
  });
});

describe('words that are not names', () => {
  it('finds nothing in capitalised function words, days and months', () => {
    const text = 'Selon les experts, rien ne change.\nDans la matinée de Lundi, Mais aussi en Janvier.\nToutefois, Le calme revient.';
    expect(tagger.tag(text, 'fr')).toEqual([]);
  });

  it('does not tag nationalities, events or everyday capitalised words in English', () => {
    expect(tagger.tag('The French team celebrated Brexit news. Government officials met on Monday.', 'en')).toEqual([]);
  });

  it('reads names in shouted copy through their capitalised form', () => {
    const found = byName('NEW YORK (AP) — Officials met on Tuesday.', 'en');
    expect(found.get('New York City')?.mentions[0]?.text).toBe('NEW YORK');
    expect(found.get('Associated Press')?.type).toBe('organisation');
  });

  it('returns nothing for empty text', () => {
    expect(tagger.tag('', 'de')).toEqual([]);
  });
});
