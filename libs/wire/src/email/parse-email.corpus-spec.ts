import { describe, it, expect } from '@jest/globals';
import { CORPUS as corpus } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWire, readWire } from '../index.js';
import { looksLikeEmail } from './parse-email.js';

/**
 * E-mail copy as a desk receives it: real dpa copy (the corpus's ninjs dpa_text
 * story, HTML and text) mailed as multipart/alternative, with a real corpus
 * picture item attached.
 */
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const dpa = JSON.parse(readFileSync(path.join(corpus, 'ninjs/examples/2.1/dpa_text.json'), 'utf8'));
const storyHtml: string = dpa.bodies[0].value;
const headline: string = dpa.headlines[0].value;
const picture = readFileSync(path.join(corpus, 'newsmlg2/agency-samples/dpa_image.xml'));
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64').replace(/.{76}/g, '$&\r\n');
const subjectWord = `=?UTF-8?B?${Buffer.from(headline).toString('base64')}?=`;

function message(parts: string): Buffer {
  return Buffer.from(
    [
      'Return-Path: <desk@dpa.com>',
      'From: dpa Nachrichten <desk@dpa.com>',
      'To: newsroom@example.org',
      `Subject: WG: ${subjectWord}`,
      'Date: Mon, 29 Nov 2021 10:15:00 +0100',
      'Message-ID: <faktencheck-20211129@dpa.com>',
      'Content-Language: de',
      'MIME-Version: 1.0',
      parts,
    ].join('\r\n'),
  );
}

const alternative = [
  'Content-Type: multipart/mixed; boundary="mixed"',
  '',
  '--mixed',
  'Content-Type: multipart/alternative; boundary="alt"',
  '',
  '--alt',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: base64',
  '',
  b64(storyHtml.replace(/<[^>]+>/g, '')),
  '--alt',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: base64',
  '',
  b64(storyHtml),
  '--alt--',
  '--mixed',
  'Content-Type: application/xml; name="dpa_image.xml"',
  'Content-Disposition: attachment; filename="dpa_image.xml"',
  'Content-Transfer-Encoding: base64',
  '',
  b64(picture),
  '--mixed--',
  '',
].join('\r\n');

describe('e-mail copy', () => {
  it('is recognised by its header block', () => {
    expect(looksLikeEmail(message(alternative).toString('latin1'))).toBe(true);
    expect(looksLikeEmail('Économie\nMeta et OpenAI: un accord\n')).toBe(false);
  });

  it('maps subject, HTML part, sender, Message-ID and Date; the attachment is ignored with a note', async () => {
    const { format, articles } = await readWire(message(alternative), 'message/rfc822', opts);
    expect(format).toBe('email');
    const [article] = articles;
    expect(article).toMatchObject({
      headline,
      source: 'dpa',
      provider: 'dpa Nachrichten',
      externalId: 'faktencheck-20211129@dpa.com',
      language: 'de',
      versionCreated: '2021-11-29T09:15:00.000Z',
    });
    expect(article.bodyHtml).toMatch(/^<p>/);
    expect(article.bodyText.length).toBeGreaterThan(1000);
    expect(article.origin).toEqual({ format: 'email', bodyFrom: 'text/html', notes: ['1 attachment ignored: dpa_image.xml (application/xml)'] });
  });

  it('takes the text part when there is no HTML part, in its declared charset', async () => {
    const text = storyHtml.replace(/<\/p>/g, '\n\n').replace(/<[^>]+>/g, '');
    const latin1 = ['Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n');
    const bytes = Buffer.concat([message(latin1), Buffer.from(text, 'latin1')]);
    const [article] = (await readWire(bytes, undefined, opts)).articles;
    expect(article.origin?.bodyFrom).toBe('text/plain');
    expect(article.bodyText).toContain('Schiedsrichter');
    expect(article.bodyText.split('\n')[0]).toBe(text.split('\n\n')[0].trim());
  });

  it('parseWire names the entry that reads e-mail', () => {
    expect(() => parseWire(message(alternative), undefined, opts)).toThrow(/readWire/);
  });
});
