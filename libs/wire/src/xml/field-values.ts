import type { PubStatus } from '#contracts';

/* Normalisers for values every wire format writes its own way. */

/** Agencies that name themselves in full in some feeds and by their short name in others. */
const AGENCY_SHORT_NAMES: Record<string, string> = {
  'associated press': 'ap',
  'the associated press': 'ap',
  'agence france-presse': 'afp',
  'agence france presse': 'afp',
  'deutsche presse-agentur': 'dpa',
  'deutsche presse-agentur gmbh': 'dpa',
  'thomson reuters': 'reuters',
};

/**
 * The article's `source`: the provider's name in lower case ("afp", "dpa"),
 * without the "www."/top-level domain when the provider is named by its web
 * address ("reuters.com", "http://www.acmenews.com/about/"), or 'wire' when unknown.
 */
export function sourceName(provider: string | undefined): string {
  const name = provider?.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!name) return 'wire';
  const host = name.match(/^(?:[a-z]+:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.[a-z]{2,}(?:[/:].*)?$/)?.[1];
  // A country's second-level domain goes with its TLD: bbc.co.uk is "bbc", inovacaotecnologica.com.br "inovacaotecnologica".
  const registered = host?.replace(/\.(?:co|com|org|net|gov|ac|edu|ne|or)$/, '');
  return (AGENCY_SHORT_NAMES[name] ?? registered ?? name).slice(0, 200);
}

/** "en_US", "EN", "fr-FR" -> BCP 47 shape the schema accepts, or undefined. */
export function normaliseLanguage(tag: string | undefined): string | undefined {
  const parts = tag?.trim().replace(/_/g, '-').split('-').filter(Boolean);
  if (!parts?.length) return undefined;
  // BCP 47's canonical case: region upper ("pt-BR"), script title ("zh-Hant"), the rest lower.
  const normalised = [parts[0].toLowerCase(), ...parts.slice(1).map(subtagCase)].join('-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(normalised) ? normalised : undefined;
}

function subtagCase(subtag: string): string {
  if (/^[a-z]{2}$/i.test(subtag)) return subtag.toUpperCase();
  if (/^[a-z]{4}$/i.test(subtag)) return subtag[0].toUpperCase() + subtag.slice(1).toLowerCase();
  return subtag.toLowerCase();
}

export function pubStatusFrom(code: string | undefined): PubStatus | undefined {
  const value = code?.toLowerCase() ?? '';
  if (/cancel/.test(value)) return 'canceled';
  if (/withh/.test(value)) return 'withheld';
  if (/usable/.test(value)) return 'usable';
  return undefined;
}

export function urgencyFrom(value: string | undefined): number | undefined {
  const n = Number.parseInt(value?.trim() ?? '', 10);
  return n >= 1 && n <= 9 ? n : undefined;
}
