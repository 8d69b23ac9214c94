/** Subject tokens may not contain '.', '*', '>' or whitespace; section names are slugged to ASCII. */
export function subjectToken(value: string | undefined, fallback: string): string {
  const slug = (value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || fallback;
}
