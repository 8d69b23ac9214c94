// C0 controls other than tab, line feed and carriage return, and the two non-characters:
// no news text needs them, and Postgres refuses NUL in text and JSON.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A string fit to store and send: no control characters, no lone surrogates. */
export function safeString(value: string): string {
  return value.replace(UNSAFE, '').toWellFormed();
}

/** The same value with every string in it made safe (articles are plain JSON trees). */
export function withSafeStrings<T>(value: T): T {
  if (typeof value === 'string') return safeString(value) as T;
  if (Array.isArray(value)) return value.map(withSafeStrings) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withSafeStrings(item)])) as T;
  }
  return value;
}
