/** Collapses runs of whitespace and trims; undefined when nothing is left. */
export function cleanText(value: string | undefined | null, maxLength = 1000): string | undefined {
  const cleaned = value?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned.slice(0, maxLength) : undefined;
}

/**
 * A copy without the keys whose value is undefined: contracts are validated as
 * JSON, where an explicit undefined is not "absent" (Ajv rejects it).
 */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
