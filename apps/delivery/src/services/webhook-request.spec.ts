import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { untagged } from '#contracts';
import type { ClaimedDelivery } from '../repositories/delivery.repository.js';
import { WebhookBodies, webhookBody, webhookRequest, webhookSignature } from './webhook-request.js';

const SECRET = `whsec_${Buffer.from('a secret of thirty-two bytes....').toString('base64')}`;
const ARTICLE_ID = '6c1f0000-0000-4000-8000-000000000001';
const base = {
  id: '7',
  subscriberId: '9b1d0000-0000-4000-8000-000000000001',
  eventId: '5f2c0000-0000-4000-8000-000000000001',
  articleId: ARTICLE_ID,
  occurredAt: new Date('2026-12-07T10:00:00Z'),
  attempts: 1,
  createdAt: new Date(),
  url: 'https://partner.example/hook',
  secret: SECRET,
};
const published = (format: ClaimedDelivery['format']): ClaimedDelivery => ({
  ...base,
  type: 'news.article.corrected',
  revision: 3,
  format,
  data: {
    revision: 3,
    publishedAt: '2026-12-07T10:00:00.000Z',
    correction: 'Chiffre rectifié.',
    article: {
      id: ARTICLE_ID,
      source: 'editor',
      version: 1,
      headline: 'Titre',
      bodyHtml: '<p>Texte.</p>',
      bodyText: 'Texte.',
      language: 'fr',
      pubStatus: 'usable',
      versionCreated: '2026-12-07T10:00:00.000Z',
      ...untagged(),
    },
  },
});
const killed = (format: ClaimedDelivery['format']): ClaimedDelivery => ({
  ...base,
  type: 'news.article.killed',
  revision: 4,
  format,
  data: { articleId: ARTICLE_ID, revision: 4, reason: 'Erreur juridique', killedAt: '2026-12-07T11:00:00.000Z' },
});

/** The request for a delivery, with its body written as the worker writes it. */
const signed = (delivery: ClaimedDelivery) => webhookRequest(delivery, Buffer.from(webhookBody(delivery, 'Dépêche')));

const verify = (request: { body: Buffer | string; headers: Record<string, string> }) => new Webhook(SECRET).verify(request.body, request.headers) as any;

describe('webhookRequest', () => {
  it('signs the Standard Webhooks way: the official verifier accepts it, and a changed byte fails it', () => {
    const request = signed(published('ninjs'));
    expect(request.headers['webhook-id']).toBe(`${base.eventId}.${base.subscriberId}`);
    expect(verify(request).type).toBe('news.article.corrected');
    expect(() => verify({ ...request, body: request.body.toString().replace('Titre', 'Titrf') })).toThrow();
  });

  it('carries the article as ninjs, with the correction note', () => {
    const { data, timestamp } = verify(signed(published('ninjs')));
    expect(timestamp).toBe('2026-12-07T10:00:00.000Z');
    expect(data).toMatchObject({ articleId: ARTICLE_ID, revision: 3, format: 'ninjs', correction: 'Chiffre rectifié.' });
    expect(data.article).toMatchObject({ uri: `urn:depeche:article:${ARTICLE_ID}`, version: '3', headlines: [{ role: 'main', value: 'Titre' }] });
  });

  it('carries the NewsML-G2 item as text in the same envelope, and a kill as the item cancelled', () => {
    const g2 = verify(signed(published('newsml-g2'))).data;
    expect(g2).toMatchObject({ format: 'newsml-g2', contentType: 'application/vnd.iptc.g2.newsitem+xml' });
    expect(g2.article).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<newsItem [^>]*version="3"/);
    const kill = verify(signed(killed('newsml-g2'))).data;
    expect(kill).toMatchObject({ reason: 'Erreur juridique', killedAt: '2026-12-07T11:00:00.000Z' });
    expect(kill.article).toContain('<pubStatus qcode="stat:canceled"/>');
    const ninjsKill = verify(signed(killed('ninjs'))).data;
    expect(ninjsKill).toEqual({ articleId: ARTICLE_ID, revision: 4, format: 'ninjs', reason: 'Erreur juridique', killedAt: '2026-12-07T11:00:00.000Z' });
  });

  it('signs as the standardwebhooks package signs, byte for byte', () => {
    const at = new Date('2026-12-07T10:00:00Z');
    expect(webhookSignature(SECRET, 'msg_1', at.getTime() / 1000, Buffer.from('{"a":"é"}'))).toBe(new Webhook(SECRET).sign('msg_1', at, '{"a":"é"}'));
  });
});

describe('WebhookBodies', () => {
  const { data, ...leased } = published('ninjs');

  it('writes a body once per event and format, from data it was given or read, and asks only for what it lacks', () => {
    const bodies = new WebhookBodies('Dépêche');
    const g2 = { ...leased, format: 'newsml-g2' as const, subscriberId: '9b1d0000-0000-4000-8000-000000000002' };
    expect(bodies.unknown([leased, g2])).toEqual([leased.eventId]);
    expect(() => bodies.of(leased)).toThrow(/no data for event/);
    bodies.remember(leased.eventId, data);
    expect(bodies.unknown([leased, g2])).toEqual([]);
    const ninjs = bodies.of(leased);
    expect(JSON.parse(ninjs.toString()).data.format).toBe('ninjs');
    expect(JSON.parse(bodies.of(g2).toString()).data.format).toBe('newsml-g2');
    expect(bodies.of({ ...leased, subscriberId: 'another' })).toBe(ninjs);
  });

  it('keeps the most recent events only', () => {
    const bodies = new WebhookBodies('Dépêche', 2);
    for (const n of [1, 2, 3]) bodies.remember(`event-${n}`, data);
    expect(bodies.unknown(['event-1', 'event-2', 'event-3'].map((eventId) => ({ ...leased, eventId })))).toEqual(['event-1']);
  });
});
