/** The form's fields as the API names them, and how they become a request body. */
export const ARTICLE_FIELDS = ['headline', 'standfirst', 'body', 'section', 'language', 'byline', 'embargo'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
export type ArticleValues = Record<ArticleField, string>;

export const emptyArticle = (): ArticleValues => ({ headline: '', standfirst: '', body: '', section: '', language: '', byline: '', embargo: '' });

/**
 * Empty optional fields are left out (the language is then detected); the headline and body always go,
 * empty too, so that the API, not the page, says what is wrong with them. The embargo is local time in the form.
 */
export function articleBody(values: ArticleValues): Record<string, string> {
  const body: Record<string, string> = { headline: values.headline, body: values.body };
  for (const field of ['standfirst', 'section', 'language', 'byline'] as const) if (values[field].trim()) body[field] = values[field].trim();
  if (values.embargo) body.embargo = new Date(values.embargo).toISOString();
  return body;
}

interface NinjsText {
  headlines?: Array<{ role?: string; value: string }>;
  descriptions?: Array<{ role?: string; value: string }>;
  bodies?: Array<{ contentType?: string; value: string }>;
  subjects?: Array<{ rel?: string; name?: string }>;
  language?: string;
  by?: string;
}

/** A published version (ninjs) back into the form, to update or correct it. */
export function valuesFromNinjs(doc: NinjsText): ArticleValues {
  const body = doc.bodies?.find((b) => b.contentType === 'text/html') ?? doc.bodies?.[0];
  return {
    headline: doc.headlines?.find((h) => h.role === 'main')?.value ?? '',
    standfirst: doc.descriptions?.find((d) => d.role === 'summary')?.value ?? '',
    body: body?.value ?? '',
    section: doc.subjects?.find((s) => s.rel === 'section')?.name ?? '',
    language: doc.language ?? '',
    byline: doc.by ?? '',
    embargo: '',
  };
}
