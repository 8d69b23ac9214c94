/**
 * The meta line of a teaser as news pages print it once their markup is gone:
 * kicker, label and age glued together ("SèteEn Ligne 2 semaines",
 * "CultureAbonnés hier", "SportLive 3 h").
 */
export interface TeaserMeta {
  kicker?: string;
  label?: string;
  age?: string;
}

/** Labels news sites put between kicker and age (French and English). Longest first, so "En direct" beats "Direct". */
const KNOWN_LABELS = [
  'En Ligne',
  'En direct',
  'Abonnés',
  'Abonné',
  'Premium',
  'Exclusif',
  'Direct',
  'Live',
  'Vidéo',
  'Video',
  'Podcast',
  'Diaporama',
  'Photos',
  'Infographie',
  'Audio',
  'Subscribers',
  'Exclusive',
].sort((a, b) => b.length - a.length);

const UNIT = '(?:secondes?|sec|s|minutes?|min|mn|heures?|h|jours?|j|semaines?|sem|mois|ans?|années?|seconds?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)';
/** "2 semaines", "7 jours", "3 h", "il y a 5 min", "hier", "5 days ago". */
const AGE = new RegExp(
  `(?:(?:il y a\\s+)?\\d+\\s*${UNIT}\\.?(?:\\s+ago)?|hier|avant-hier|aujourd'hui|aujourd’hui|yesterday|today|just now|à l'instant|à l’instant)$`,
  'iu',
);

function splitAge(line: string): [string, string | undefined] {
  const match = AGE.exec(line);
  if (!match) return [line, undefined];
  return [line.slice(0, match.index).trim(), match[0]];
}

function splitKnownLabel(rest: string): [string, string] | undefined {
  const lower = rest.toLowerCase();
  const label = KNOWN_LABELS.find((candidate) => lower.endsWith(candidate.toLowerCase()));
  return label ? [rest.slice(0, rest.length - label.length).trim(), rest.slice(rest.length - label.length)] : undefined;
}

/** An unknown label still shows where markup glued it to the kicker: a lower-case letter then a capital ("SportPremium"). */
function splitAtGlue(rest: string): [string, string] | undefined {
  const glue = [...rest.matchAll(/\p{Ll}(?=\p{Lu})/gu)].pop();
  if (glue?.index === undefined) return undefined;
  return [rest.slice(0, glue.index + 1), rest.slice(glue.index + 1)];
}

const nonEmpty = (value: string | undefined) => (value ? value : undefined);

/**
 * Reads a teaser meta line, or undefined when the line is not one (no known
 * label and no age): such a line is then the teaser's headline.
 */
export function parseTeaserMeta(line: string): TeaserMeta | undefined {
  const [rest, age] = splitAge(line.trim());
  const split = splitKnownLabel(rest) ?? (age ? splitAtGlue(rest) : undefined);
  if (!split && !age) return undefined;
  const [kicker, label] = split ?? [rest, undefined];
  return { kicker: nonEmpty(kicker), label: nonEmpty(label), age };
}
