/**
 * Every XML wire document of the shared corpus, with what it must give: a
 * number of articles with headline and body, headline-only articles, or a
 * specific WireError code. The table is explicit so a regression shows as a
 * changed line, not as a vague "still parses".
 */
import { describe, it, expect } from '@jest/globals';
import { CORPUS } from '../../../test/harness/corpus.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DraftArticle, validatorFor } from '#contracts';
import { decodeText } from './encoding/decode-text.js';
import { WireError } from './errors.js';
import { detectXmlWireFormat, parseXmlWire } from './xml-formats.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const draftArticle = validatorFor('draft article', DraftArticle);

type Expectation =
  | { articles: number; language?: string } // text items: non-empty headline and body
  | { headlineOnly: number; language?: string } // text items whose body is empty or a placeholder comment
  | { error: string; why: string };

const rejected = (error: string, why: string): Expectation => ({ error, why });

const EXPECTED: Record<string, Expectation> = {
  // NewsML-G2: agency items
  'newsmlg2/agency-samples/dpa_eil.xml': { articles: 1, language: 'de' },
  'newsmlg2/agency-samples/dpa_empty_paragraph.xml': { articles: 1, language: 'es' },
  'newsmlg2/agency-samples/dpa_image.xml': rejected('no-text-item', 'picture item'),
  'newsmlg2/agency-samples/dpa_no_content.xml': rejected('no-text-item', 'picture item without content'),
  'newsmlg2/agency-samples/dpa_spe_tab.xml': { articles: 1, language: 'de' },
  'newsmlg2/agency-samples/dpa_with_infobox.xml': { articles: 1, language: 'de' },
  'superdesk-fixtures/ansa_newsmlg2_text.xml': { articles: 1, language: 'it' },
  'superdesk-fixtures/ap_newsmlg2.xml': { articles: 3, language: 'en' },
  'superdesk-fixtures/dpa_newsmlg2.xml': { articles: 1, language: 'de' },
  // Its body is only "By Toby Davis", which becomes the byline.
  'superdesk-fixtures/reuters_newsmlg2_text.xml': { headlineOnly: 1, language: 'en' },
  'superdesk-fixtures/scoop_businessdesk_newsmlg2_malformed.xml': { articles: 1 },
  // NewsML-G2: IPTC examples
  'newsmlg2/iptc-examples/LISTING_1_A_NewsML-G2_News_Item.xml': { headlineOnly: 1, language: 'en-GB' },
  'newsmlg2/iptc-examples/LISTING_2_NewsML-G2_Text_Document.xml': { articles: 1, language: 'en-US' },
  'newsmlg2/iptc-examples/LISTING_21_A_complete_sample_SportsML-G2_document.xml': { headlineOnly: 1, language: 'en-US' },
  'newsmlg2/iptc-examples/LISTING_27_Company_Financial_Information.xml': { headlineOnly: 1, language: 'en-US' },
  'newsmlg2/iptc-examples/Receiver_View.xml': { articles: 1, language: 'en-US' },
  'newsmlg2/iptc-examples/LISTING_3_Photo_in_NewsML-G2.xml': rejected('no-text-item', 'picture item'),
  'newsmlg2/iptc-examples/LISTING_3A_Photo_in_NewsML-G2__URI_sibling_attributes.xml': rejected('no-text-item', 'picture item'),
  'newsmlg2/iptc-examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml': rejected('no-text-item', 'picture item'),
  'newsmlg2/iptc-examples/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml': rejected('no-text-item', 'video item'),
  'newsmlg2/iptc-examples/LISTING_5_Multi-part_Video_in_NewsML-G2.xml': rejected('no-text-item', 'video item'),
  'newsmlg2/iptc-examples/ap_metadata_example.xml': rejected('no-text-item', 'video item'),
  'newsmlg2/iptc-examples/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml': rejected('no-text-item', 'composite item of events'),
  'newsmlg2/iptc-examples/LISTING_6_Simple_NewsML-G2_Package.xml': rejected('no-text-item', 'package of references only'),
  'newsmlg2/iptc-examples/LISTING_23_SportsML-G2_Package.xml': rejected('no-text-item', 'package of references only'),
  'newsmlg2/iptc-examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml': rejected(
    'schema-invalid',
    'items are "....." placeholders without itemMeta',
  ),
  'newsmlg2/iptc-examples/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml': rejected('no-text-item', 'concept item'),
  'newsmlg2/iptc-examples/LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml': rejected('no-text-item', 'concept item'),
  'newsmlg2/iptc-examples/LISTING_14_Event_sent_as_a_Concept_Item.xml': rejected('no-text-item', 'concept item'),
  'newsmlg2/iptc-examples/LISTING_12_Knowledge_Item_for_Access_Codes.xml': rejected('no-text-item', 'knowledge item'),
  'newsmlg2/iptc-examples/LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml': rejected('no-text-item', 'knowledge item'),
  'newsmlg2/iptc-examples/LISTING_13_Complete_Catalog_Item.xml': rejected('no-text-item', 'catalog item'),
  'newsmlg2/iptc-examples/LISTING_17_Planning_Item_a_CCL.xml': rejected('no-text-item', 'planning item'),
  'newsmlg2/iptc-examples/LISTING_18_Planning_Item_at_PCL.xml': rejected('no-text-item', 'planning item'),
  'newsmlg2/iptc-examples/LISTING_19_Planning_Item_with_delivery_at_CCL.xml': rejected('no-text-item', 'planning item'),
  'newsmlg2/iptc-examples/LISTING_20_Planning_Item_with_delivery_at_PCL.xml': rejected('no-text-item', 'planning item'),
  'newsmlg2/iptc-examples/LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml': rejected('unsupported-format', 'groupSet fragment'),
  'newsmlg2/iptc-examples/LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml': rejected('unsupported-format', 'groupSet fragment'),
  'newsmlg2/iptc-examples/LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml': rejected('unsupported-format', 'groupSet fragment'),
  'newsmlg2/iptc-examples/LISTING_29_Hop_History.xml': rejected('empty-document', 'text item without headline or body'),
  'newsmlg2/iptc-examples/facet-example.xml': rejected('empty-document', 'text item without headline or body'),
  'newsmlg2/iptc-examples/facet-example-2.xml': rejected('empty-document', 'text item without headline or body'),
  'newsmlg2/iptc-examples/facet-example-3.xml': rejected('empty-document', 'text item without headline or body'),
  // NewsML-G2: IPTC schema tests. Must-fail cases fail; the minimal should-pass ones are schema-valid but carry no text.
  'newsmlg2/iptc-schema-tests/should_fail_001_incomplete_file.xml': rejected('schema-invalid', 'newsItem without itemMeta'),
  'newsmlg2/iptc-schema-tests/should_fail_002_newsitem_with_no_catalog.xml': rejected('empty-document', 'no headline, no body'),
  'newsmlg2/iptc-schema-tests/should_pass_001_nested_related.xml': rejected('empty-document', 'no headline, no body'),
  'newsmlg2/iptc-schema-tests/should_pass_CR00211_01_newsitem_with_no_catalog.xml': rejected('empty-document', 'empty inlineXML'),
  'newsmlg2/iptc-schema-tests/should_pass_CR00219_datamining_in_rightsinfo_multilang.xml': rejected('empty-document', 'no headline, no body'),
  'newsmlg2/iptc-schema-tests/should_pass_CR00221_eventstatus.xml': rejected('no-text-item', 'concept item'),
  'newsmlg2/python-newsmlg2-tests/002_knowledgeitem.xml': rejected('no-text-item', 'knowledge item'),
  'newsmlg2/python-newsmlg2-tests/007_emptynewsmessage.xml': rejected('empty-document', 'text item without content'),
  'newsmlg2/catalog/catalog.IPTC-G2-Standards_41.xml': rejected('no-text-item', 'scheme catalog'),
  'newsmlg2/schema/NewsML-G2_2.35-spec-All-Power.xsd': rejected('unsupported-format', 'XML Schema'),
  'newsmlg2/schema/xml.xsd': rejected('unsupported-format', 'XML Schema'),
  // NITF
  'nitf/NTB_nitf_sample.xml': { articles: 1, language: 'nb-NO' },
  'nitf/superdesk_aap.xml': { articles: 1 },
  'nitf/superdesk_ap-nitf.xml': { articles: 1 },
  'nitf/superdesk_ap_media_text_nitf.xml': { articles: 1 },
  'nitf/superdesk_handle_invalid_fields.xml': { articles: 1 },
  'nitf/superdesk_mapping_test.xml': { articles: 1, language: 'no-NO' },
  'nitf/superdesk_nitf-fishing.xml': { articles: 1 },
  'nitf/superdesk_nitf-ntb.xml': { articles: 1, language: 'nb-NO' },
  'nitf/superdesk_pa1.xml': { articles: 1 },
  'nitf/schema/nitf-3-6.xsd': rejected('unsupported-format', 'XML Schema'),
  'nitf/schema/nitf-3-6-ruby-include.xsd': rejected('unsupported-format', 'XML Schema'),
  // NewsML 1.2
  'newsml1/afp.com_newsml1.2_sample.xml': { articles: 1, language: 'en' },
  'newsml1/businesswire-newsml-20130515006361.xml': { articles: 1, language: 'en' },
  'newsml1/businesswire-newsml-20130605006126.xml': { articles: 1, language: 'zh' },
  'newsml1/businesswire-newsml-20130612006110.xml': { articles: 1, language: 'zh' },
  'superdesk-fixtures/afp_newsml1.2.xml': { articles: 1, language: 'en' },
  'superdesk-fixtures/ana1_newsml1.2.xml': { articles: 1, language: 'en' },
  // Other XML in superdesk-fixtures: not an XML wire format of this module.
  'superdesk-fixtures/ritzau_news.xml': rejected('unsupported-format', 'Ritzau proprietary RBNews XML'),
  'superdesk-fixtures/wenn_atom.xml': rejected('unsupported-format', 'Atom feed: libs/wire/src/feeds'),
  'superdesk-fixtures/wordpress_wxr_funke.xml': rejected('unsupported-format', 'RSS/WXR feed: libs/wire/src/feeds'),
};

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(CORPUS, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    return statSync(path.join(CORPUS, relative)).isDirectory() ? filesUnder(relative) : [relative];
  });
}

const corpusFiles = [
  ...filesUnder('newsmlg2'),
  ...filesUnder('nitf'),
  ...filesUnder('newsml1'),
  ...filesUnder('superdesk-fixtures').filter((file) => file.endsWith('.xml')),
];

function parse(file: string) {
  return parseXmlWire(decodeText(readFileSync(path.join(CORPUS, file))), options);
}

describe('XML corpus', () => {
  it('has an expectation for every XML file of the corpus, and no stale ones', () => {
    expect([...corpusFiles].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    if ('error' in expected) {
      it(`is rejected with '${expected.error}' (${expected.why})`, () => {
        let caught: unknown;
        try {
          parse(file);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(WireError);
        expect((caught as WireError).code).toBe(expected.error);
        expect((caught as WireError).message.length).toBeGreaterThan(15);
      });
      return;
    }
    it('gives valid articles with headline, body and language as declared', () => {
      const articles = parse(file);
      const count = 'articles' in expected ? expected.articles : expected.headlineOnly;
      expect(articles).toHaveLength(count);
      for (const article of articles) {
        expect(draftArticle.issues(article)).toEqual([]);
        expect(article.headline.trim()).not.toBe('');
        if ('articles' in expected) expect(article.bodyText.length).toBeGreaterThan(20);
        else expect(article.bodyText).toBe('');
        if (expected.language) expect(article.language).toBe(expected.language);
        expect(article.bodyHtml).not.toMatch(/<script|javascript:|\son\w+=/i);
      }
    });
  });

  it('detects the format of every accepted document by its root element', () => {
    const accepted = Object.entries(EXPECTED).filter(([, e]) => !('error' in e));
    for (const [file] of accepted) {
      expect(detectXmlWireFormat(readFileSync(path.join(CORPUS, file), 'utf8'))).toBeDefined();
    }
  });
});
