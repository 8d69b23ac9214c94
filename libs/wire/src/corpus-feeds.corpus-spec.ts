import { describe, it, expect } from '@jest/globals';
import { CORPUS as corpus } from '../../../test/harness/corpus.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { validatorFor, DraftArticle } from '#contracts';
import { type WireFormat, WireError, parseWire } from './index.js';

/**
 * Every corpus document this half of libs/wire reads (ninjs, RSS, Atom, the
 * JSON/feed/7901 Superdesk fixtures), through the public entry, against an
 * explicit expectation: a change in what any of them yields fails here.
 * Corpus files are read in place from DEPECHE_CORPUS (../shared/corpus by default); none is copied into the repo.
 */
type Expectation = { format: WireFormat; articles: number; skipped: number; language?: string } | { error: string };

const EXPECTED: Record<string, Expectation> = {
  'ninjs/examples/1.4/businesswire-newsml-20130515006361.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/1.4/businesswire-newsml-20130605006126.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'zh' },
  'ninjs/examples/1.4/businesswire-newsml-20130612006110.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'zh' },
  'ninjs/examples/1.4/businesswire-newsml-20130731006140.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/1.4/ninjs-1-4-examples.json': { format: 'ninjs', articles: 0, skipped: 1 }, // no body anywhere, and no brief genre
  'ninjs/examples/1.4/ninjsExComplex1.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/1.4/ninjsExComplex2.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/1.4/ninjsExMediumText1.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/1.4/ninjsExSimplePhoto1.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/1.4/ninjsExSimpleText1.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/2.1/SIPA_image_2.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/2.1/ap_audio.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs audio item carries no text body
  'ninjs/examples/2.1/ap_image.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/2.1/ap_video.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs video item carries no text body
  'ninjs/examples/2.1/businesswire-newsml-20130605006126.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'zh' },
  'ninjs/examples/2.1/businesswire-newsml-20130731006140.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/2.1/dpa_text.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'de' },
  'ninjs/examples/2.1/imageEncodedRights.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/2.1/imageLinkedRights.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/2.1/ninjsExSimpleText_2.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/2.1/schema-extension/extension-example.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: foofoo is not a ninjs property
  'ninjs/examples/2.1/schema-extension/extension-schema.json': { error: 'unsupported-format' }, // The JSON document is a JSON Schema, not a news item
  'ninjs/examples/2.1/tt_text_image_2.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'sv' },
  'ninjs/examples/3.0/20231004-UEFA-ChampionLeague.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/3.0/20231005-65-addb-event.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/examples/3.0/20231016-addb-example-press-conference.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/3.0/SIPA_image_3.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/3.0/ap_audio.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs audio item carries no text body
  'ninjs/examples/3.0/ap_image.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/3.0/ap_video.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs video item carries no text body
  'ninjs/examples/3.0/businesswire-newsml-20130605006126.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'zh' },
  'ninjs/examples/3.0/businesswire-newsml-20130731006140.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/3.0/collection/20231016-event-timeline-sample.json': { format: 'ninjs', articles: 0, skipped: 14 }, // The ninjs item is not valid ninjs 3.1: events must be array; eventDetails/dates/startDate
  'ninjs/examples/3.0/dpa_text.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'de' },
  'ninjs/examples/3.0/imageEncodedRights.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/3.0/imageLinkedRights.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/3.0/ninjsExSimpleText_3.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/3.0/ntb_text.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'nb-NO' },
  'ninjs/examples/3.0/simpleEvent.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/examples/3.0/tt_event_pressconference_3.0.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/examples/guidelines-1.6/001_simple_example.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-1.6/002_renditions_example.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: uri must match format "uri"
  'ninjs/examples/guidelines-1.6/003_associations_example.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-1.6/004_simple_text_article.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-1.6/005_complex_text_article.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/guidelines-1.6/006_photo_only.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/guidelines-1.6/007_multimedia.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/guidelines-2.2/001_simple_example.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-2.2/002_renditions_example.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: uri must match format "uri"
  'ninjs/examples/guidelines-2.2/003_associations_example.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-2.2/004_simple_text_article.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-2.2/005_complex_text_article.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/guidelines-2.2/006_photo_only.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/guidelines-2.2/007_multimedia.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/guidelines-3.1/001_simple_example.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-3.1/002_renditions_example.json': { error: 'schema-invalid' }, // The document is not valid ninjs 3.1: uri must match format "uri"
  'ninjs/examples/guidelines-3.1/003_associations_example.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-3.1/004_simple_text_article.json': { format: 'ninjs', articles: 1, skipped: 0 },
  'ninjs/examples/guidelines-3.1/006_photo_only.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/examples/guidelines-3.1/007_multimedia.json': { format: 'ninjs', articles: 1, skipped: 0, language: 'en' },
  'ninjs/examples/guidelines-3.1/008_event.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/examples/guidelines-not-valid/008_extension.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: embargoedreason is not a ninjs property
  'ninjs/test_suite/1.3/should_fail/001_schema_bad.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: uri must match format "uri"; $standard must be object
  'ninjs/test_suite/1.3/should_fail/002_headline_nonascii.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: headline_ééé is not a ninjs property; uri must match format "ur
  'ninjs/test_suite/1.3/should_fail/003_headline_blank_extension.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: headline_ is not a ninjs property; uri must match format "uri"
  'ninjs/test_suite/1.3/should_fail/004_headline_dash.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: headline-with-dash-ééé is not a ninjs property; uri must match
  'ninjs/test_suite/1.3/should_fail/005_bad_altids.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: uri must match format "uri"; altids must be object
  'ninjs/test_suite/1.3/should_fail/006_bad_genre.json': { error: 'malformed-json' }, // Not valid JSON: Unexpected token 'h', ..."   "uri": http://cv."... is not valid JSON
  'ninjs/test_suite/1.3/should_fail/007_invalid_genre.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: uri must match format "uri"; genre must be array
  'ninjs/test_suite/2.1/should_fail/001_bad_association.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: associations/0/incorrectproperty is not a ninjs property
  'ninjs/test_suite/2.1/should_fail/002_good_association_but_no_name.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: associations/0/name is required
  'ninjs/test_suite/2.1/should_fail/003_good_association_but_no_uri.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: associations/0/uri is required
  'ninjs/test_suite/2.1/should_fail/004_bad_rights.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: associations must be object; rightsinfo must match exactly one
  'ninjs/test_suite/3.0/should_fail/001_bad_geojson.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: places/0/geojson/type is required; places/0/geojson/coordinates
  'ninjs/test_suite/3.0/should_fail/001_bad_toplevel.json': { error: 'schema-invalid' }, // The document is not valid ninjs 3.1: random is not a ninjs property
  'ninjs/test_suite/3.0/should_fail/002_bad_association.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: associations/0/name is required; associations/0/i_can_put_anyth
  'ninjs/test_suite/3.0/should_fail/003_event_with_conflicting_start.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: type must be equal to one of the allowed values; places/0/conta
  'ninjs/test_suite/3.0/should_fail/004_event_with_renditions.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: type must be equal to one of the allowed values; places/0/conta
  'ninjs/test_suite/3.0/should_fail/004_invalid_truncated_date.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: type must be equal to one of the allowed values; places/0/conta
  'ninjs/test_suite/3.0/should_fail/005_planned_coverage_bad_urgency.json': { error: 'schema-invalid' }, // The document is not valid ninjs 2.2: type must be equal to one of the allowed values; plannedCoverag
  'ninjs/test_suite/3.0/should_fail/006_bad_urgency.json': { error: 'schema-invalid' }, // The document is not valid ninjs 3.1: urgency must be integer
  'ninjs/test_suite/3.0/should_pass/001_ninjs_example.json': { format: 'ninjs', articles: 0, skipped: 1 }, // no body anywhere, and no brief genre
  'ninjs/test_suite/3.0/should_pass/002_schema.json': { format: 'ninjs', articles: 0, skipped: 1 }, // The ninjs item has neither a headline nor body text
  'ninjs/test_suite/3.0/should_pass/002_simple_event.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/003_event_with_organiser.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/003_schema_only.json': { format: 'ninjs', articles: 0, skipped: 1 }, // The ninjs item has neither a headline nor body text
  'ninjs/test_suite/3.0/should_pass/004_headlines.json': { format: 'ninjs', articles: 0, skipped: 1 }, // no body anywhere, and no brief genre
  'ninjs/test_suite/3.0/should_pass/005_altids.json': { format: 'ninjs', articles: 0, skipped: 1 }, // The ninjs item has neither a headline nor body text
  'ninjs/test_suite/3.0/should_pass/005_planned_coverage.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs planning item is not an article
  'ninjs/test_suite/3.0/should_pass/006_genre.json': { format: 'ninjs', articles: 0, skipped: 1 }, // no body anywhere, and no brief genre
  'ninjs/test_suite/3.0/should_pass/006_planning_with_rendition.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs planning item is not an article
  'ninjs/test_suite/3.0/should_pass/007_planning_rendition_reuters.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs planning item is not an article
  'ninjs/test_suite/3.0/should_pass/007_trust_indicator.json': { format: 'ninjs', articles: 0, skipped: 1 }, // no body anywhere, and no brief genre
  'ninjs/test_suite/3.0/should_pass/008_planning_with_rendition_srt.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs planning item is not an article
  'ninjs/test_suite/3.0/should_pass/009_planned_coverage_commissioninginfo.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs planning item is not an article
  'ninjs/test_suite/3.0/should_pass/009_rights.json': { format: 'ninjs', articles: 0, skipped: 1 }, // The ninjs item has neither a headline nor body text
  'ninjs/test_suite/3.0/should_pass/010_event_with_truncated_date.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/010_geojson.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs picture item carries no text body
  'ninjs/test_suite/3.0/should_pass/010_planned_news_item.json': { format: 'ninjs', articles: 0, skipped: 1 }, // The ninjs item has neither a headline nor body text
  'ninjs/test_suite/3.0/should_pass/011_event_with_truncated_start_and_end_date.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/012_recurring_event.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/013_planned_coverage.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs planning item is not an article
  'ninjs/test_suite/3.0/should_pass/014_planning_rendition_reuters.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs planning item is not an article
  'ninjs/test_suite/3.0/should_pass/015_complex_recurrence.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/016_complex_recurrence_2.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/017_expectedduration.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/018_expectedduration_2.json': { format: 'ninjs', articles: 0, skipped: 1 }, // ninjs event item is not an article
  'ninjs/test_suite/3.0/should_pass/019_good_urgency.json': { format: 'ninjs', articles: 0, skipped: 1 }, // The ninjs item has neither a headline nor body text
  'ninjs/test_suite/3.1/should_fail/001_bad_digital_source.json': { error: 'schema-invalid' }, // The document is not valid ninjs 3.1: digitalSourceType must be object
  'ninjs/test_suite/3.1/should_pass/001_good_digital_source.json': { format: 'ninjs', articles: 0, skipped: 1 }, // The ninjs item has neither a headline nor body text
  'rss/feedparser_item_description_crazy.xml': { format: 'rss', articles: 1, skipped: 0, language: 'en' },
  'rss/feedparser_rss_empty_document.xml': { error: 'empty-document' }, // The XML document has no root element
  'rss/feedparser_rss_incomplete_cdata.xml': { error: 'malformed-xml' }, // Malformed XML at line 1, column 1: Invalid '[    "rss",    "channel",    "item",    "title"]' found.
  'rss/feedparser_rss_item_link_corrupted_ampersands.xml': { format: 'rss', articles: 0, skipped: 1 }, // Feed item has no title and no text
  'rss/feedparser_undeclared_namespace.xml': { format: 'rss', articles: 0, skipped: 0 },
  'rss/feedrs_rss_1.0_iso8859.xml': { format: 'rss', articles: 1, skipped: 0 },
  'rss/feedrs_rss_2.0_bbc.xml': { format: 'rss', articles: 1, skipped: 0, language: 'en' },
  'rss/feedrs_rss_2.0_encoding_1.xml': { format: 'rss', articles: 1, skipped: 0, language: 'pt-BR' },
  'rss/feedrs_rss_2.0_ilgiornale.xml': { format: 'rss', articles: 1, skipped: 0, language: 'it' },
  'rss/feedrs_rss_2.0_nbcny.xml': { format: 'rss', articles: 1, skipped: 0, language: 'en-US' },
  'rss/feedrs_rss_2.0_wirecutter.xml': { format: 'rss', articles: 1, skipped: 0, language: 'en-US' },
  'rss/prof18_feed-char-escape.xml': { format: 'rss', articles: 1, skipped: 0, language: 'en-US' },
  'rss/prof18_feed-dcdate.xml': { format: 'rss', articles: 1, skipped: 0, language: 'fr' },
  'rss/prof18_feed-test-charset.xml': { format: 'rss', articles: 1, skipped: 0, language: 'no' },
  'rss/prof18_feed-test-malformed.xml': { format: 'rss', articles: 1, skipped: 0, language: 'en-US' },
  'rss/prof18_feed-test-multiple-image-and-video.xml': { format: 'rss', articles: 1, skipped: 0 },
  'rss/prof18_feed-test-ru.xml': { format: 'rss', articles: 1, skipped: 0, language: 'ru-RU' },
  'rss/prof18_feed-test-source.xml': { format: 'rss', articles: 1, skipped: 0, language: 'fr' },
  'rss/prof18_feed-test-thumb.xml': { format: 'rss', articles: 1, skipped: 0, language: 'it-IT' },
  'rss/prof18_feed-test-time.xml': { format: 'rss', articles: 1, skipped: 0, language: 'en' },
  'rss/rssparser_content-encoded.rss': { format: 'rss', articles: 7, skipped: 0 },
  'rss/rssparser_encoding.rss': { format: 'rss', articles: 40, skipped: 0, language: 'pt-PT' },
  'rss/rssparser_heraldsun.rss': { format: 'rss', articles: 2, skipped: 0, language: 'en-GB' },
  'rss/rssparser_instant-article.rss': { format: 'rss', articles: 1, skipped: 0, language: 'en' },
  'atom/feedrs_atom_content_src.xml': { format: 'atom', articles: 1, skipped: 0 },
  'atom/feedrs_atom_example_reddit.xml': { format: 'atom', articles: 1, skipped: 0 },
  'atom/feedrs_atom_mediarss_newscred_1.xml': { format: 'atom', articles: 1, skipped: 0 },
  'atom/feedrs_atom_relative.xml': { format: 'atom', articles: 1, skipped: 0 },
  'atom/feedrs_atom_spec_1.xml': { format: 'atom', articles: 1, skipped: 0 },
  'atom/prof18_atom-feed-created-updated.xml': { format: 'atom', articles: 1, skipped: 0, language: 'en-US' },
  'atom/prof18_atom-feed-emoji.xml': { format: 'atom', articles: 1, skipped: 0 },
  'atom/prof18_feed-test-atom-content-html.xml': { format: 'atom', articles: 1, skipped: 0 },
  'atom/rssparser_feedburner.atom': { format: 'atom', articles: 25, skipped: 0 },
  'atom/rssparser_gulp-atom.atom': { format: 'atom', articles: 10, skipped: 0, language: 'en-US' },
  'atom/rssparser_incomplete-fields.atom': { format: 'atom', articles: 0, skipped: 1 }, // Feed item has no title and no text
  'atom/rssparser_missing-fields.atom': { format: 'atom', articles: 0, skipped: 1 }, // Feed item has no title and no text
  'superdesk-fixtures/IPTC7901.txt': { format: 'iptc7901', articles: 1, skipped: 0 },
  'superdesk-fixtures/IPTC7901_odd_charset.txt': { format: 'iptc7901', articles: 1, skipped: 0 },
  'superdesk-fixtures/anpa-1.tst': { format: 'anpa1312', articles: 1, skipped: 0 },
  'superdesk-fixtures/ap_media_api_text_item.json': { error: 'unsupported-format' }, // JSON without any ninjs property (found api_version, api_mode, id, method, org_name): not ninjs
  'superdesk-fixtures/ninjs2_with_associations.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: uri is required; priority is not a ninjs property; guid is not
  'superdesk-fixtures/ninjs_embargoed.json': { error: 'schema-invalid' }, // The document is not valid ninjs 1.6: uri is required; guid is not a ninjs property; firstpublished i
  'superdesk-fixtures/superdesk-ninjs-schema.json': { error: 'unsupported-format' }, // The JSON document is a JSON Schema, not a news item
  'superdesk-fixtures/wenn_atom.xml': { format: 'atom', articles: 2, skipped: 0, language: 'en' },
  'superdesk-fixtures/wordpress_wxr_funke.xml': { format: 'rss', articles: 1, skipped: 0, language: 'de-DE' }, //,
};

const ROOTS = ['ninjs/examples', 'ninjs/test_suite', 'rss', 'atom'];
const SUPERDESK = /^superdesk-fixtures\/(.*\.json|.*atom.*|wordpress_.*|IPTC7901.*|anpa-.*)$/;

function walk(dir: string): string[] {
  return readdirSync(path.join(corpus, dir)).flatMap((name) => {
    const file = `${dir}/${name}`;
    return statSync(path.join(corpus, file)).isDirectory() ? walk(file) : [file];
  });
}

const files = [...ROOTS.flatMap(walk), ...walk('superdesk-fixtures').filter((f) => SUPERDESK.test(f))].sort();
const draft = validatorFor('draft article', DraftArticle);
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };

function outcome(file: string): Expectation {
  try {
    const result = parseWire(readFileSync(path.join(corpus, file)), undefined, opts);
    for (const article of result.articles) expect(draft.issues(article)).toEqual([]);
    const languages = [...new Set(result.articles.map((a) => a.language))];
    const language = languages.length === 1 ? languages[0] : undefined;
    return { format: result.format, articles: result.articles.length, skipped: result.skipped.length, ...(language ? { language } : {}) };
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    return { error: error.code };
  }
}

describe('corpus through parseWire', () => {
  it('has an expectation for every corpus file and no stale one', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
  });

  it.each(files)('%s', (file) => {
    expect(outcome(file)).toEqual(EXPECTED[file]);
  });

  it("rejects every must-fail case of IPTC's ninjs test suite and accepts every must-pass one", () => {
    for (const file of files.filter((f) => f.includes('/should_fail/'))) {
      expect([file, EXPECTED[file]]).toEqual([file, { error: expect.stringMatching(/^(schema-invalid|malformed-json)$/) }]);
    }
    for (const file of files.filter((f) => f.includes('/should_pass/'))) {
      expect([file, 'error' in EXPECTED[file]]).toEqual([file, false]);
    }
  });
});
