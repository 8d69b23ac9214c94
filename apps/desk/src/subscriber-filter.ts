import type { operations as delivery } from './generated/subscribers-api';

/** What POST /v1/subscribers takes (generated from the subscribers API's OpenAPI document). */
export type SubscriberCreation = NonNullable<delivery['SubscribersController_create']['requestBody']>['content']['application/json'];
export type SubscriberFilter = NonNullable<SubscriberCreation['filter']>;
export type LifecycleEventName = NonNullable<SubscriberFilter['events']>[number];

export const LIFECYCLE_EVENTS: readonly LifecycleEventName[] = ['published', 'updated', 'corrected', 'killed'];

/** The subscriber form as typed: lists as comma-separated text, events as ticked boxes. */
export interface SubscriberFormFields {
  name: string;
  url: string;
  format: 'ninjs' | 'newsml-g2';
  events: LifecycleEventName[];
  languages: string;
  sections: string;
  topics: string;
  sources: string;
  /** A local date and time (datetime-local), empty for "from now on". */
  from: string;
}

export const emptySubscriberForm = (): SubscriberFormFields => ({
  name: '',
  url: '',
  format: 'ninjs',
  events: [...LIFECYCLE_EVENTS],
  languages: '',
  sections: '',
  topics: '',
  sources: '',
  from: '',
});

/** Comma- or line-separated text as a list, each entry trimmed and kept once; nothing typed is no list. */
function list(text: string): string[] | undefined {
  const items = [...new Set(text.split(/[,\n]/).map((item) => item.trim()))].filter(Boolean);
  return items.length ? items : undefined;
}

/**
 * The request the form means. A field left empty is left out, so it filters nothing, as the API reads it;
 * all four events ticked is no event filter (a new kind of event would then reach the subscriber too).
 * Checking each value is the API's job: its reasons come back per field.
 */
export function subscriberCreation(fields: SubscriberFormFields): SubscriberCreation {
  const filter: SubscriberFilter = {};
  if (fields.events.length < LIFECYCLE_EVENTS.length) filter.events = LIFECYCLE_EVENTS.filter((event) => fields.events.includes(event));
  const languages = list(fields.languages);
  const sections = list(fields.sections);
  const topics = list(fields.topics);
  const sources = list(fields.sources);
  if (languages) filter.languages = languages;
  if (sections) filter.sections = sections;
  if (topics) filter.topics = topics;
  if (sources) filter.sources = sources;
  return {
    name: fields.name.trim(),
    url: fields.url.trim(),
    format: fields.format,
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(fields.from ? { from: new Date(fields.from).toISOString() } : {}),
  };
}

/** A filter in one line, for the subscribers table: "fr, en · economie · medtop:04000000". */
export function filterSummary(filter: SubscriberFilter, everything: string): string {
  const parts = [filter.events, filter.languages, filter.sections, filter.topics, filter.sources]
    .filter((values): values is string[] => !!values?.length)
    .map((values) => values.join(', '));
  return parts.length ? parts.join(' · ') : everything;
}
