// A gold record as the pipeline gets it, for evaluation and training scripts: the title as
// headline and, when the text starts with it, the rest as body (`offset`: where the body starts in
// the gold text, for span-level scores).

export function articleOf(doc, i) {
  const headline = doc.title || doc.text.split('\n')[0].slice(0, 1000) || '(untitled)';
  const rest = doc.title && doc.text.startsWith(doc.title) ? doc.text.slice(doc.title.length) : '';
  const body = rest.trim() ? rest.replace(/^\s+/, '') : doc.text;
  const offset = body === doc.text ? 0 : doc.text.length - body.length;
  const date = doc.published ? `${doc.published}T12:00:00.000Z` : '2025-06-20T12:00:00.000Z';
  return {
    offset,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    source: 'eval',
    version: 1,
    headline,
    bodyHtml: '',
    bodyText: body,
    pubStatus: 'usable',
    versionCreated: date,
    firstCreated: date,
    ...(doc.section ? { section: doc.section } : {}),
    subjects: [],
    people: [],
    organisations: [],
    places: [],
    keywords: [],
    related: [],
  };
}
