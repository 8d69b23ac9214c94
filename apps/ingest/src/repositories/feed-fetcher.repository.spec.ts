import { describe, expect, it } from '@jest/globals';
import { fetchFeed, feedUrlProblem, isPrivateAddress } from './feed-fetcher.repository.js';

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::5', '::ffff:10.0.0.1'])('blocks %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '151.101.1.69', '2a04:4e42::69', '172.32.0.1'])('lets %s through', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('feedUrlProblem', () => {
  const strict = { allowPrivateNetworks: false };

  it('takes public http(s) URLs', () => {
    expect(feedUrlProblem('https://www.lemonde.fr/rss/une.xml', strict)).toBeUndefined();
  });

  it('names what is wrong with the others', () => {
    expect(feedUrlProblem('file:///etc/passwd', strict)).toBe('must be an http or https URL');
    expect(feedUrlProblem('not a url', strict)).toBe('is not a URL');
    expect(feedUrlProblem('http://169.254.169.254/latest/meta-data', strict)).toBe('points to a private or local address');
    expect(feedUrlProblem('http://[::1]:8080/feed', strict)).toBe('points to a private or local address');
    expect(feedUrlProblem('http://localhost/feed', strict)).toBe('points to a private or local address');
    expect(feedUrlProblem('http://user:pw@example.com/feed', strict)).toBe('must not carry credentials');
    expect(feedUrlProblem('http://127.0.0.1/feed', { allowPrivateNetworks: true })).toBeUndefined();
  });
});

describe('fetchFeed', () => {
  it('refuses a host name that resolves to a private address, after resolution', async () => {
    // Registration refuses "localhost" literally; here only the guard on the resolved address stands in the way.
    await expect(fetchFeed('http://localhost:9/feed', {}, { allowPrivateNetworks: false, timeoutMs: 2000, maxBytes: 1000 })).rejects.toThrow(/resolves to private address/);
  });
});
