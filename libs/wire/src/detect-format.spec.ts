import { describe, it, expect } from '@jest/globals';
import { detectFormat } from './detect-format.js';
import { WireError } from './errors.js';

const SOH = String.fromCharCode(1);
const STX = String.fromCharCode(2);
const SYN = String.fromCharCode(0x16);

function codeOf(text: string, contentType?: string): string {
  try {
    detectFormat(text, contentType);
  } catch (error) {
    return (error as WireError).code;
  }
  throw new Error('expected detectFormat to throw');
}

describe('detectFormat', () => {
  it.each([
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'text/xml', 'rss'],
    ['<rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', 'application/rdf+xml', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'application/xml', 'atom'],
    ['<!-- generator --><feed/>', undefined, 'atom'],
    ['<rss/>', 'text/plain', 'rss'],
    ['<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', 'text/xml', 'newsml-g2'],
    ['<nitf/>', 'application/octet-stream', 'nitf'],
    ['<NewsML Version="1.2"/>', undefined, 'newsml-1'],
    ['{"uri":"urn:x","headline":"h"}', 'application/json', 'ninjs'],
    ['{"uri":"urn:x","headline":"h"}', 'text/plain', 'ninjs'],
    ['[{"uri":"urn:x"}]', undefined, 'ninjs'],
    ['{"uri": oops', 'application/json', 'ninjs'],
    [`${SOH}eca062 4 i 211\r\nkey/\r\n${STX}Headline =`, 'application/octet-stream', 'iptc7901'],
    [`${SOH}eca062 4 i 211\r\n${STX}Headline =`, 'text/plain', 'iptc7901'],
    [`${SYN}${SYN}${SOH}W2870\x1fasian\n${STX}^Headline<`, undefined, 'anpa1312'],
    ['Économie\nHeadline\nStandfirst', 'text/plain; charset=utf-8', 'plain-text'],
    ['[Économie] Headline\nBody', 'text/plain', 'plain-text'],
    ['Économie\nHeadline', 'application/octet-stream', 'plain-text'],
  ])('%j declared %s is %s', (text, contentType, format) => {
    expect(detectFormat(text, contentType)).toBe(format);
  });

  it.each([
    ['', undefined, 'empty-document'],
    ['  \n ', 'text/plain', 'empty-document'],
    ['<!-- nothing -->', 'text/xml', 'empty-document'],
    ['<html><body/></html>', 'text/html', 'unsupported-format'],
    ['<RBNews/>', 'text/xml', 'unsupported-format'],
    ['{"api_version":"1.1","data":{}}', 'application/json', 'unsupported-format'],
    ['{"$schema":"http://json-schema.org/draft-07/schema#","type":"object"}', undefined, 'unsupported-format'],
    ['Headline\nBody', 'image/jpeg', 'unsupported-format'],
    ['PK\u0003\u0004\u0000\u0000binary', undefined, 'unsupported-format'],
    [`${SOH}eca062 4 i 211\r\nno STX here`, 'text/plain', 'unsupported-format'],
    ['not markup at all', 'application/rss+xml', 'malformed-xml'],
  ])('%j declared %s is rejected with %s', (text, contentType, code) => {
    expect(codeOf(text, contentType)).toBe(code);
  });
});
