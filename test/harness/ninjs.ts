import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
// IPTC's official schemas as the project ships them (libs/wire/data/ninjs, MIT, see its README).
const SCHEMAS = path.resolve(import.meta.dirname, '../../libs/wire/data/ninjs');
const load = (file: string) => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as object;

let validate: ValidateFunction | undefined;

/** The official IPTC ninjs 3.1 schema (with the GeoJSON schema it references), compiled once. */
function ninjsValidator(): ValidateFunction {
  if (!validate) {
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
    ajv.addSchema(load('GeoJSON-schema.json'));
    validate = ajv.compile(load('ninjs-schema_3.1.json'));
  }
  return validate;
}

/** The schema's complaints about a document, one line each; empty when it is valid ninjs 3.1. */
export function ninjsErrors(document: unknown): string[] {
  const check = ninjsValidator();
  return check(document) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}
