/**
 * An upper bound of the UTF-8 size of `JSON.stringify(value)`, without building the text: every
 * UTF-16 unit of a string or key counted at 6 bytes (the longest escape, `\u001f`), every number at
 * 24, and 6 bytes of quotes, colon and comma around each key and element. A walk over the fields
 * costs a fraction of serialising a story, so the exact size is only computed for the rare article
 * whose bound comes near the message limit.
 */
export function jsonBytesAtMost(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return 2 + 6 * value.length;
    case 'number':
    case 'bigint':
      return 24;
    case 'boolean':
      return 5;
    case 'object': {
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let bytes = 2;
        for (const item of value) bytes += 1 + jsonBytesAtMost(item);
        return bytes;
      }
      let bytes = 2;
      for (const [key, item] of Object.entries(value)) bytes += 4 + 6 * key.length + jsonBytesAtMost(item);
      return bytes;
    }
    default:
      return 4; // undefined and functions are left out, or written as null in an array
  }
}
