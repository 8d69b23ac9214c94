/** Symbols and codes written before the number ("$3.5bn", "US$ 5", "CHF 20 million"). */
export const PREFIX_CURRENCIES: Record<string, string> = {
  'US$': 'USD', $US: 'USD', 'U.S.$': 'USD', A$: 'AUD', $A: 'AUD', AU$: 'AUD', C$: 'CAD', CA$: 'CAD', NZ$: 'NZD',
  HK$: 'HKD', S$: 'SGD', R$: 'BRL', $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW', '₹': 'INR', '₽': 'RUB', Fr: 'CHF',
};

/** ISO 4217 codes accepted as written ("USD 5 million", "5 millions EUR"). */
export const ISO_CODES = [
  'USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'CNY', 'AUD', 'NZD', 'HKD', 'SGD', 'SEK', 'NOK', 'DKK', 'KRW', 'INR', 'RUB',
  'BRL', 'MXN', 'ZAR', 'TRY', 'PLN', 'CZK', 'HUF', 'XOF', 'XAF', 'MAD', 'TND', 'DZD',
];

/**
 * Currency words written after the number, in French and English, longest first so that
 * "dollars canadiens" wins over "dollars". Keys are lower-case; ’ is normalised to '.
 */
export const SUFFIX_CURRENCIES: Array<[string, string]> = [
  ['dollars canadiens', 'CAD'], ['dollar canadien', 'CAD'], ['dollars australiens', 'AUD'], ['dollars américains', 'USD'],
  ['dollars us', 'USD'], ['dollars hongkongais', 'HKD'], ['canadian dollars', 'CAD'], ['australian dollars', 'AUD'],
  ['us dollars', 'USD'], ['u.s. dollars', 'USD'], ['hong kong dollars', 'HKD'], ['new zealand dollars', 'NZD'],
  ['livres sterling', 'GBP'], ['livre sterling', 'GBP'], ['pounds sterling', 'GBP'], ['francs suisses', 'CHF'],
  ['franc suisse', 'CHF'], ['swiss francs', 'CHF'], ['francs cfa', 'XOF'], ['couronnes suédoises', 'SEK'],
  ['couronnes norvégiennes', 'NOK'], ['couronnes danoises', 'DKK'], ['dollars', 'USD'], ['dollar', 'USD'],
  ['euros', 'EUR'], ['euro', 'EUR'], ['livres', 'GBP'], ['livre', 'GBP'], ['pounds', 'GBP'], ['pound', 'GBP'],
  ['sterling', 'GBP'], ['yens', 'JPY'], ['yen', 'JPY'], ['yuans', 'CNY'], ['yuan', 'CNY'], ['renminbi', 'CNY'],
  ['roupies', 'INR'], ['rupees', 'INR'], ['roubles', 'RUB'], ['rubles', 'RUB'], ['kronor', 'SEK'], ['krona', 'SEK'],
  ['kroner', 'DKK'], ['krone', 'DKK'], ['reais', 'BRL'], ['réals', 'BRL'], ['won', 'KRW'], ['wons', 'KRW'],
  ['€', 'EUR'], ['$', 'USD'], ['£', 'GBP'],
];

/** Hundredths: "36 cents" is 0.36 of the main unit. */
export const SUBUNITS: Record<string, string> = {
  cents: 'USD', cent: 'USD', 'us cents': 'USD', 'australian cents': 'AUD', 'canadian cents': 'CAD', 'euro cents': 'EUR',
  centimes: 'EUR', centime: 'EUR', 'centimes d\'euro': 'EUR', pence: 'GBP', p: 'GBP',
};
