#!/usr/bin/env node
// Builds libs/nlp/data/gazetteers.json: typed name lists the entity model reads as features (a
// token's position in a match of each list, B/I/L/U), never as rules. Source: GATE's ANNIE gazetteer
// (LGPL-3.0), from $DEPECHE_EVAL_DATA/lexicons/gate-annie. Lists are grouped into classes by what they
// name; entries keep their spelling (matching is case-sensitive), features after ':' or '&' dropped.
// Run: node libs/nlp/scripts/build-gazetteers.mjs   (sources and licence: libs/nlp/data/README.md)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDataPath } from './eval-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../data/gazetteers.json');
const annie = evalDataPath('lexicons/gate-annie');
const SOURCE = {
  name: 'GATE ANNIE gazetteer',
  repository: 'GateNLP/gateplugin-ANNIE',
  commit: 'c0236fada8696faa68781ae1d3e5ba5a520eef25',
  path: 'src/main/resources/resources/gazetteer/',
  licence: 'LGPL-3.0',
};

/** Class -> ANNIE list files (paths under gate-annie/). */
const CLASSES = {
  'org-company': ['company.lst', 'company_cap.lst', 'more_company.lst', 'companies_uk.lst', 'tvcompany.lst', 'company_ambig.lst'],
  'org-government': [
    'agency.lst',
    'department.lst',
    'government.lst',
    'ministry.lst',
    'government/govt-departments-ministerial.lst',
    'government/govt-departments-non-ministerial.lst',
    'government/executive-agencies.lst',
    'government/public-bodies-non-departmental.lst',
    'government/org-military.lst',
    'government/org-law.lst',
  ],
  'org-media': ['newspapers.lst', 'radio_stations_uk.lst'],
  'org-team': ['team.lst', 'mlb-teams.lst', 'nba-teams.lst', 'nfl-teams.lst'],
  'org-party': ['political_party.lst', 'government/org-political.lst'],
  'org-other': ['organization.lst', 'charities.lst', 'university_uk.lst', 'government/org-other.lst', 'non_company.lst', 'musical_group.lst', 'bands.lst'],
  'org-key': ['org_key.lst', 'org_base.lst', 'govern_key.lst', 'othorg_key.lst'],
  'org-ending': ['cdg.lst', 'org_ending.lst', 'newspaper_ending.lst'],
  'org-pre': ['org_pre.lst'],
  'loc-city': ['city.lst', 'city_cap.lst'],
  'loc-country': ['country.lst', 'country_cap.lst', 'country_abbrev.lst'],
  'loc-region': ['province.lst', 'region.lst', 'region_cap.lst', 'mountain.lst', 'water.lst', 'rivers.lst'],
  'loc-other': ['loc_other.lst', 'airports.lst', 'racecourse.lst', 'planet.lst'],
  'loc-key': ['loc_key.lst', 'loc_prekey.lst', 'loc_generalkey.lst'],
  facility: ['facility.lst'],
  'facility-key': ['facility_key.lst', 'facility_key_ext.lst', 'street.lst'],
  'per-first': ['person_male.lst', 'person_female.lst', 'person_first.lst', 'person_male_cap.lst', 'person_female_cap.lst'],
  'per-full': [
    'person_full.lst',
    'cabinet_ministers.lst',
    'foreign_ministers.lst',
    'person_sci.lst',
    'person_celebrity_surname.lst',
    'music-artists.lst',
    'government/cabinet-ministers.lst',
    'government/non-cabinet-ministers.lst',
  ],
  'per-ending': ['person_ending.lst', 'surname_prefix.lst'],
  title: [
    'title.lst',
    'title_female.lst',
    'title_male.lst',
    'title_mil.lst',
    'title_pol.lst',
    'jobtitles.lst',
    'government/cabinet-positions.lst',
    'government/non-cabinet-minister-posts.lst',
    'government/titles-other.lst',
  ],
  demonym: ['country_adj.lst', 'new_adj.lst', 'religious_adj.lst'],
  spur: ['org_spur.lst', 'person_spur.lst', 'organization_blacklist.lst', 'not_org.lst', 'spur.lst', 'spur_ident.lst'],
  'date-word': ['months.lst', 'day.lst', 'day_cap.lst', 'festival.lst'],
  event: ['government/wars.lst', 'government/military-operations.lst', 'government/laws.lst', 'sports.lst'],
};

// ANNIE writes features after the entry ("Hillary Clinton:gender=female", "X&majorType=…").
const FEATURES = /(?:[:&]\w+=.*)$/u;

// Most lists are UTF-8; a few (companies_uk, wars, constituencies) are Windows-1252, where
// "Aéropostale" and the en dash of "Iran–Iraq War" are single bytes a UTF-8 reading would turn into U+FFFD.
function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function entries(file) {
  const path = join(annie, file);
  if (!existsSync(path)) {
    console.error(`build-gazetteers: ${file} not in ${annie}, skipped`);
    return [];
  }
  return (
    decode(readFileSync(path))
      .split(/\r?\n/)
      .map((l) => l.replace(FEATURES, '').trim())
      // Some UTF-8 lists already hold U+FFFD where a letter was lost upstream: such an entry matches nothing real.
      .filter((l) => l && /\p{L}/u.test(l) && l.length <= 80 && !l.includes('\uFFFD'))
  );
}

const classes = {};
let total = 0;
for (const [name, files] of Object.entries(CLASSES)) {
  classes[name] = [...new Set(files.flatMap(entries))].sort();
  total += classes[name].length;
}
writeFileSync(out, `${JSON.stringify({ version: 1, source: SOURCE, classes })}\n`);
console.error(`wrote ${out}: ${Object.keys(classes).length} classes, ${total} entries`);
