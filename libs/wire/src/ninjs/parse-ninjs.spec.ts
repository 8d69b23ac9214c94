import { describe, it, expect } from '@jest/globals';
import path from 'node:path';
import { validatorFor, DraftArticle } from '#contracts';
import { WireError } from '../errors.js';
import { parseNinjs } from './parse-ninjs.js';
import { fixtureText } from '../../../../test/harness/fixtures.js';

const read = (file: string) => fixtureText(path.join('iptc-ninjs', file));
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const draft = validatorFor('draft article', DraftArticle);

function errorOf(text: string): WireError {
  try {
    parseNinjs(text, opts);
  } catch (error) {
    return error as WireError;
  }
  throw new Error('expected parseNinjs to throw');
}

describe('parseNinjs', () => {
  it('keeps a cancel notice with no body (and no headline) for intake to hold as a tombstone', () => {
    const { articles, skipped } = parseNinjs(JSON.stringify({ uri: 'urn:test:cancel-1', version: '2', pubstatus: 'canceled', type: 'text' }), opts);
    expect(skipped).toEqual([]);
    expect(draft.parse(articles[0])).toBe(articles[0]);
    expect(articles[0]).toMatchObject({ headline: 'Canceled: urn:test:cancel-1', pubStatus: 'canceled', externalId: 'urn:test:cancel-1', bodyText: '' });
  });

  it('still refuses a usable item with no body', () => {
    const { articles, skipped } = parseNinjs(JSON.stringify({ uri: 'urn:test:2', headline: 'h', type: 'text' }), opts);
    expect(articles).toEqual([]);
    expect(skipped[0]!.reason).toMatch(/has no body/);
  });

  it('maps a ninjs 1.x text item, body_html before body_text', () => {
    const { articles } = parseNinjs(fixtureText('wire/ninjs-1-en.json'), opts);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(draft.parse(article)).toBe(article);
    expect(article).toMatchObject({ headline: 'Council approves new cycle lanes on the ring road', language: 'en', byline: 'Helen Marsh' });
    expect(article.bodyHtml).toMatch(/^<p>Cambridge city council/);
    expect(article.bodyText).not.toMatch(/</);
    expect(article.origin?.bodyFrom).toBe('body_html');
  });

  it('maps a ninjs 2.x item: headlines, bodies, by, located, language', () => {
    const [article] = parseNinjs(fixtureText('wire/ninjs-2-fr.json'), opts).articles;
    expect(draft.issues(article)).toEqual([]);
    expect(article).toMatchObject({
      uri: 'urn:example.org:ninjs:2026-0312-0044',
      language: 'fr',
      headline: 'La région Bretagne commande vingt cars électriques',
      urgency: 4,
    });
    expect(article.bodyText).toMatch(/^La région Bretagne a commandé vingt cars électriques/);
    expect(article.versionCreated).toBe('2026-03-12T11:00:00.000Z');
  });

  it('maps a ninjs 3.x item with camelCase properties', () => {
    const [article] = parseNinjs(fixtureText('wire/ninjs-3-en.json'), opts).articles;
    expect(draft.issues(article)).toEqual([]);
    expect(article.versionCreated).toBe('2026-03-12T11:30:00.000Z');
    expect(article.bodyText).toMatch(/^The central library in Bristol/);
  });

  it('reads a top-level array as a batch, item by item', () => {
    const batch = `[${fixtureText('wire/ninjs-3-en.json')},${read('test_suite/3.0/should_pass/002_simple_event.json')}]`;
    const result = parseNinjs(batch, opts);
    expect(result.articles.map((a) => a.headline)).toEqual(['City library extends opening hours after record visits']);
    expect(result.skipped).toEqual([{ index: 1, reason: 'ninjs event item is not an article' }]);
  });

  it('turns coded subjects into subjects and name-only ones into provider keywords', () => {
    const doc = {
      uri: 'urn:test:1',
      headline: 'Markets rally',
      body_text: 'Stocks rose.',
      subject: [{ code: '04000000', scheme: 'http://cv.iptc.org/newscodes/mediatopic/', name: 'economy' }, { name: 'stocks' }],
      person: [{ name: 'Sam Altman' }],
    };
    const [article] = parseNinjs(JSON.stringify(doc), opts).articles;
    expect(article.subjects).toEqual([{ scheme: 'medtop', code: 'medtop:04000000', name: 'economy', provenance: { source: 'provider', by: 'ninjs' } }]);
    expect(article.keywords).toEqual([{ value: 'stocks', provenance: { source: 'provider', by: 'ninjs' } }]);
    expect(article.people[0]).toMatchObject({ id: 'person:sam-altman', name: 'Sam Altman', type: 'person' });
    expect(article.versionCreated).toBe(opts.receivedAt);
  });

  it('rejects a must-fail case with schema-invalid naming the field and reason', () => {
    const error = errorOf(read('test_suite/3.0/should_fail/006_bad_urgency.json'));
    expect(error.code).toBe('schema-invalid');
    expect(error.message).toContain('urgency must be integer');
    expect(error.details).toMatchObject({ ninjsVersion: '3.1' });
  });

  it('validates against the version the document declares', () => {
    const error = errorOf(read('test_suite/1.3/should_fail/005_bad_altids.json'));
    expect(error.message).toMatch(/ninjs 1\.6: .*altids must be object/);
  });

  it('rejects text that is not JSON as malformed-json', () => {
    expect(errorOf(read('test_suite/1.3/should_fail/006_bad_genre.json')).code).toBe('malformed-json');
  });

  it('rejects nesting deeper than maxDepth', () => {
    const deep = '{"uri":"urn:x","a":'.repeat(1) + '['.repeat(100) + ']'.repeat(100) + '}';
    try {
      parseNinjs(deep, { ...opts, maxDepth: 50 });
      throw new Error('expected too-deep');
    } catch (error) {
      expect((error as WireError).code).toBe('too-deep');
    }
  });

  it('skips valid items that are not articles (events, pictures without text) with a reason', () => {
    const result = parseNinjs(read('test_suite/3.0/should_pass/002_simple_event.json'), opts);
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([{ index: 0, reason: 'ninjs event item is not an article' }]);
  });

  describe('bodies from every place ninjs allows', () => {
    it('takes the story from descriptions[role=text] when there is no body (ninjs 3.0)', () => {
      const doc = JSON.parse(fixtureText('wire/ninjs-3-en.json'));
      doc.descriptions = [{ role: 'text', contentType: 'text/plain', value: doc.bodies[0].value }];
      delete doc.bodies;
      const [article] = parseNinjs(JSON.stringify(doc), opts).articles;
      expect(article.bodyText).toMatch(/^The central library in Bristol/);
      expect(article.standfirst).toBeUndefined();
      expect(article.origin).toEqual({ bodyFrom: 'descriptions[text]' });
    });

    it('skips an empty bodies[main] for descriptions[role=text] (ninjs 2.1, body moved as 2.x senders do)', () => {
      const doc = JSON.parse(fixtureText('wire/ninjs-2-fr.json'));
      const story = doc.bodies[0].value as string;
      doc.bodies = [{ role: 'main', contenttype: 'text/html', value: '<p> </p>' }];
      doc.descriptions = [{ role: 'text', contenttype: 'text/html', value: story }];
      const [article] = parseNinjs(JSON.stringify(doc), opts).articles;
      expect(article.bodyText).toMatch(/^La région Bretagne a commandé/);
      expect(article.origin?.bodyFrom).toBe('descriptions[text]');
    });

    it('refuses an item whose every body is empty unless its genre marks a brief', () => {
      const doc = JSON.parse(read('test_suite/3.0/should_pass/006_genre.json'));
      const refused = parseNinjs(JSON.stringify(doc), opts);
      expect(refused.articles).toEqual([]);
      expect(refused.skipped[0].reason).toMatch(/has no body.*not mark it as a brief/);
      doc.genres.push({ name: 'Brief', uri: 'http://cv.iptc.org/newscodes/genre/Brief' });
      doc.descriptions = [{ role: 'summary', value: 'One line of news.' }];
      const [brief] = parseNinjs(JSON.stringify(doc), opts).articles;
      expect(brief.headline).toBe('test headline');
      expect(brief.standfirst).toBe('One line of news.');
      expect(brief.bodyText).toBe('');
    });
  });
});
