const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A point in time given as a duration back from now ("90s", "15m", "1h", "2d")
 * or as an ISO 8601 time; undefined when it is neither.
 */
export function parseSince(value: string, now = Date.now()): Date | undefined {
  const relative = /^(\d+)([smhd])$/.exec(value.trim());
  if (relative) return new Date(now - Number(relative[1]) * UNITS[relative[2]!]!);
  const absolute = Date.parse(value);
  return Number.isNaN(absolute) ? undefined : new Date(absolute);
}
