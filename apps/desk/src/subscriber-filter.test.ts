import { describe, expect, it } from 'vitest';
import { emptySubscriberForm, filterSummary, subscriberCreation } from './subscriber-filter';

describe('subscriberCreation', () => {
  it('leaves out what was left empty: an untouched form filters nothing and starts now', () => {
    expect(subscriberCreation({ ...emptySubscriberForm(), name: ' Partner ', url: ' https://partner.example/hook ' })).toEqual({
      name: 'Partner',
      url: 'https://partner.example/hook',
      format: 'ninjs',
    });
  });

  it('reads comma- and line-separated lists, trimmed and once each, keeps the events in lifecycle order, and sends from as UTC', () => {
    const request = subscriberCreation({
      ...emptySubscriberForm(),
      name: 'Syndication',
      url: 'https://syndication.example/in',
      format: 'newsml-g2',
      events: ['killed', 'published'],
      languages: 'fr, en,,fr',
      sections: 'Économie\nSport',
      topics: 'medtop:04000000',
      sources: ' ',
      from: '2026-12-01T08:30',
    });
    expect(request).toEqual({
      name: 'Syndication',
      url: 'https://syndication.example/in',
      format: 'newsml-g2',
      filter: { events: ['published', 'killed'], languages: ['fr', 'en'], sections: ['Économie', 'Sport'], topics: ['medtop:04000000'] },
      from: new Date('2026-12-01T08:30').toISOString(),
    });
  });

  it('sends an empty event list as it is, for the API to refuse with its reason', () => {
    expect(subscriberCreation({ ...emptySubscriberForm(), events: [] }).filter).toEqual({ events: [] });
  });
});

describe('filterSummary', () => {
  it('says everything when nothing filters, else each list in turn', () => {
    expect(filterSummary({}, 'everything')).toBe('everything');
    expect(filterSummary({ languages: ['fr'], topics: ['medtop:04000000', 'medtop:15000000'] }, 'everything')).toBe('fr · medtop:04000000, medtop:15000000');
  });
});
