import { describe, it, expect } from '@jest/globals';
import { parseWire, readWire } from '../index.js';
import { looksLikeEmail } from './parse-email.js';
import { fixtureBytes } from '../../../../test/harness/fixtures.js';

const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const mail = fixtureBytes('wire/email-fr.eml');

describe('e-mail copy (the example message)', () => {
  it('is recognised by its header block', () => {
    expect(looksLikeEmail(mail.toString('latin1'))).toBe(true);
  });

  it('maps the encoded subject, the HTML part, sender, Message-ID, Date and language', async () => {
    const { format, articles } = await readWire(mail, 'message/rfc822', opts);
    expect(format).toBe('email');
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      headline: 'Grève des contrôleurs aériens jeudi',
      provider: 'Example Wire Desk',
      externalId: 'greve-20260312@wire.example.org',
      language: 'fr',
      versionCreated: '2026-03-12T07:05:00.000Z',
    });
    expect(articles[0].bodyText.split('\n')).toEqual([
      'Les contrôleurs aériens de Marseille seront en grève jeudi, a annoncé leur syndicat.',
      'La Direction générale de l’aviation civile demande aux compagnies de réduire leurs vols de moitié.',
    ]);
    expect(articles[0].origin?.bodyFrom).toBe('text/html');
  });

  it('parseWire names the entry that reads e-mail', () => {
    expect(() => parseWire(mail, undefined, opts)).toThrow(/readWire/);
  });
});
