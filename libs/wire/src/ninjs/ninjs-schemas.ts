import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** The ninjs major versions we validate, each against its latest published schema. */
export type NinjsMajor = 1 | 2 | 3;

const SCHEMA_FILES: Record<NinjsMajor, string> = {
  1: 'ninjs-schema_1.6.json',
  2: 'ninjs-schema_2.2.json',
  3: 'ninjs-schema_3.1.json',
};

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/**
 * libs/wire/data/ninjs, beside the sources and, in a build, beside the compiled
 * code (nest-cli.json declares libs/* /data as assets, copied into dist).
 */
function dataDir(): string {
  const dir = fileURLToPath(new URL('../../data/ninjs/', import.meta.url));
  if (!existsSync(dir + SCHEMA_FILES[3])) throw new Error(`ninjs schemas not found in ${dir}: run scripts/build-wire-data.mjs`);
  return dir;
}

function readSchema(dir: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(dir + file, 'utf8')) as Record<string, unknown>;
}

/**
 * 1.6 is draft-07 (Ajv's default dialect); 2.2 and 3.1 are 2020-12 and $ref
 * GeoJSON by its https id, which we register from the local copy so nothing is
 * fetched. strict: false because the schemas carry annotations Ajv does not know.
 */
function compileAll(): Record<NinjsMajor, ValidateFunction> {
  const dir = dataDir();
  const options = { allErrors: true, strict: false };
  const draft07 = addFormats(new Ajv(options));
  const draft2020 = addFormats(new Ajv2020(options) as unknown as Ajv);
  draft2020.addSchema(readSchema(dir, 'GeoJSON-schema.json'));
  return {
    1: draft07.compile(readSchema(dir, SCHEMA_FILES[1])),
    2: draft2020.compile(readSchema(dir, SCHEMA_FILES[2])),
    3: draft2020.compile(readSchema(dir, SCHEMA_FILES[3])),
  };
}

// Compiled once at module load: compiling costs tens of milliseconds, validating microseconds.
const validators = compileAll();

export const SCHEMA_VERSION: Record<NinjsMajor, string> = { 1: '1.6', 2: '2.2', 3: '3.1' };

/** Ajv's errors for a document against its major's schema; empty when valid. */
export function ninjsSchemaErrors(major: NinjsMajor, document: unknown): ErrorObject[] {
  const validate = validators[major];
  return validate(document) ? [] : (validate.errors ?? []);
}
