import { createHash, timingSafeEqual } from 'node:crypto';

export const SCOPES = ['submit', 'wire', 'correct', 'kill', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  /** Who holds it, for logs and rate limits; never the secret. */
  name: string;
  scopes: ReadonlySet<Scope>;
  /** The newsroom or desk the key belongs to: a submit key changes only its newsroom's stories. The key's name when not given. */
  newsroom: string;
  digest: Buffer;
}

/** Secrets shorter than this are refused at start: they would be guessable. */
const MIN_SECRET_LENGTH = 16;

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

const digestOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/**
 * Parses DEPECHE_API_KEYS: comma-separated `name:secret:scope+scope[:newsroom]`
 * entries, e.g. `desk:9f2c…:submit+correct+kill:lemonde,afp-feed:77ab…:wire,ops:e01d…:admin`.
 * Without a newsroom a key is a newsroom of its own. Only digests of the secrets are kept in memory.
 */
export function parseApiKeys(raw: string): ApiKey[] {
  const keys = raw
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseEntry);
  const names = new Set<string>();
  for (const key of keys) {
    if (names.has(key.name)) throw new Error(`key name "${key.name}" appears twice`);
    names.add(key.name);
  }
  return keys;
}

function parseEntry(entry: string, index: number): ApiKey {
  const [name, secret, scopeList, newsroom, ...rest] = entry.split(':');
  if (!name || !secret || !scopeList || newsroom === '' || rest.length) throw new Error(`entry ${index + 1} is not name:secret:scope+scope[:newsroom]`);
  if (!NAME.test(name)) throw new Error(`entry ${index + 1}: the name may hold letters, digits, . _ - only`);
  if (newsroom !== undefined && !NAME.test(newsroom)) throw new Error(`key "${name}": the newsroom may hold letters, digits, . _ - only`);
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`key "${name}": the secret must be at least ${MIN_SECRET_LENGTH} characters`);
  const scopes = scopeList.split('+').map((s) => s.trim());
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`key "${name}": unknown scope ${unknown.join(', ')} (known: ${SCOPES.join(', ')})`);
  return { name, scopes: new Set(scopes as Scope[]), newsroom: newsroom ?? name, digest: digestOf(secret) };
}

/**
 * The key a bearer token belongs to. Every known key is compared, each in
 * constant time, so the answer takes as long whichever key matches or none.
 */
export function findKey(keys: readonly ApiKey[], token: string): ApiKey | undefined {
  const presented = digestOf(token);
  let found: ApiKey | undefined;
  for (const key of keys) if (timingSafeEqual(key.digest, presented) && !found) found = key;
  return found;
}

export function grants(key: ApiKey, scope: Scope): boolean {
  return key.scopes.has('admin') || key.scopes.has(scope);
}
