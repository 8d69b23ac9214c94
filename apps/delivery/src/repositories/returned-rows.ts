/**
 * The rows an UPDATE or DELETE … RETURNING gave back: TypeORM's Postgres driver answers those
 * with [rows, affected count] where a SELECT or INSERT answers with the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  const pair = result as [T[], number];
  return Array.isArray(pair) && pair.length === 2 && Array.isArray(pair[0]) && typeof pair[1] === 'number' ? pair[0] : (result as T[]);
}
