import { describe, it, expect } from '@jest/globals';
import { validatorFor, DraftArticle } from '#contracts';
import { parsePlainText } from './parse-plain-text.js';
import { parseTeaserMeta } from './teaser-meta.js';
import { EXAMPLE_PAGE, fixtureText } from '../../../../test/harness/fixtures.js';

const page = fixtureText(EXAMPLE_PAGE);
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };

describe('parsePlainText on the example page', () => {
  const { articles, skipped } = parsePlainText(page, opts);
  const [article] = articles;

  it('yields one valid article', () => {
    expect(articles).toHaveLength(1);
    expect(skipped).toEqual([]);
    expect(validatorFor('draft article', DraftArticle).issues(article)).toEqual([]);
  });

  it('reads section, headline and standfirst', () => {
    expect(article.section).toBe('Économie');
    expect(article.headline).toBe('Le groupe Nordelec lève 2 milliards d’euros pour construire trois usines de batteries en France');
    expect(article.standfirst).toMatch(/^L’industriel lyonnais a convaincu la Banque européenne d’investissement/);
  });

  it('keeps exactly the three body paragraphs after the standfirst', () => {
    const paragraphs = article.bodyText.split('\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^Le fabricant de batteries Nordelec/);
    expect(paragraphs[1]).toMatch(/^Le projet intervient alors que/);
    expect(paragraphs[2]).toMatch(/^Le ministre de l’Industrie, Paul Meunier/);
    expect(article.bodyHtml.match(/<p>/g)).toHaveLength(3);
    expect(article.bodyText).not.toContain(article.standfirst);
  });

  it('turns the five teasers into related items, never body text', () => {
    expect(article.related).toHaveLength(5);
    expect(article.related[0]).toEqual({
      kicker: 'Douai',
      label: 'En Ligne',
      age: '3 jours',
      headline: 'Douai : le marché couvert rouvre après deux ans de travaux',
    });
    expect(article.related.map((r) => r.kicker)).toEqual(['Douai', 'Lille', 'Sports', 'Culture', 'Nord']);
    expect(article.related.map((r) => r.age)).toEqual(['3 jours', '1 semaine', '5 jours', '2 semaines', '2 semaines']);
    expect(article.related.every((r) => r.label === 'En Ligne')).toBe(true);
    for (const teaser of article.related) {
      expect(article.bodyText).not.toContain(teaser.headline);
      expect(article.bodyText).not.toContain('En Ligne');
    }
  });
});

describe('parsePlainText on other pages', () => {
  it('reads a page without section or teasers', () => {
    const text = 'A long headline that is clearly a sentence about something.\nOnly paragraph.';
    const [article] = parsePlainText(text, opts).articles;
    expect(article.section).toBeUndefined();
    expect(article.standfirst).toBeUndefined();
    expect(article.bodyText).toBe('Only paragraph.');
  });

  it('keeps a teaser without meta line as a bare related headline', () => {
    const text = 'Sport\nHeadline\nStandfirst\nBody.\n-\nJust a teaser headline\n';
    expect(parsePlainText(text, opts).articles[0].related).toEqual([{ headline: 'Just a teaser headline' }]);
  });
});

describe('parseTeaserMeta', () => {
  it.each([
    ['SèteEn Ligne 2 semaines', { kicker: 'Sète', label: 'En Ligne', age: '2 semaines' }],
    ['CultureEn Ligne 7 jours', { kicker: 'Culture', label: 'En Ligne', age: '7 jours' }],
    ['MontpellierAbonnés 3 h', { kicker: 'Montpellier', label: 'Abonnés', age: '3 h' }],
    ['FootballLive hier', { kicker: 'Football', label: 'Live', age: 'hier' }],
    ['MondeVidéo il y a 5 min', { kicker: 'Monde', label: 'Vidéo', age: 'il y a 5 min' }],
    ['SportPremium 4 jours', { kicker: 'Sport', label: 'Premium', age: '4 jours' }],
    ['Le MagBonus 1 mois', { kicker: 'Le Mag', label: 'Bonus', age: '1 mois' }],
    ['SèteAbonnés', { kicker: 'Sète', label: 'Abonnés' }],
  ])('reads %s', (line, expected) => {
    expect(parseTeaserMeta(line)).toEqual(expected);
  });

  it('says a plain headline is not a meta line', () => {
    expect(parseTeaserMeta('Sète : une fresque magique transforme une école en livre géant')).toBeUndefined();
  });
});
