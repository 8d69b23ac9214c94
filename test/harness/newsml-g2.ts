import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

// IPTC's NewsML-G2 2.35 schema as the repository ships it for tests (CC BY 4.0, see schemas/newsml-g2/README.md).
const SCHEMA_DIR = new URL('./schemas/newsml-g2/', import.meta.url);
const G2_XSD = readFileSync(new URL('NewsML-G2_2.35-spec-All-Power.xsd', SCHEMA_DIR), 'utf8');
const XML_XSD = readFileSync(new URL('xml.xsd', SCHEMA_DIR), 'utf8');

/** What libxml2's xmllint finds wrong in a NewsML-G2 document against the 2.35 XSD: empty when it is valid. */
export async function newsMlG2Errors(document: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'item.xml', contents: document },
    schema: { fileName: 'NewsML-G2_2.35-spec-All-Power.xsd', contents: G2_XSD },
    preload: [{ fileName: 'xml.xsd', contents: XML_XSD }],
  });
  return result.errors.map((e) => e.message);
}
