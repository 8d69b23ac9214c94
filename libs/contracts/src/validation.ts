import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Static, TSchema } from 'typebox';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export interface FieldIssue {
  /** JSON pointer-like path of the offending field, e.g. "headline" or "subjects/0/code". */
  field: string;
  reason: string;
}

/** Raised when a value does not match its contract; carries one issue per bad field. */
export class ContractViolation extends Error {
  constructor(
    readonly contract: string,
    readonly issues: FieldIssue[],
  ) {
    super(`${contract} is invalid: ${issues.map((i) => `${i.field || '(root)'} ${i.reason}`).join('; ')}`);
    this.name = 'ContractViolation';
  }
}

// unicode: false counts string lengths in UTF-16 units: counting code points walked every long
// body on every validation. Ajv still honours the option but calls it deprecated: keep that quiet.
const logger = { log: () => undefined, warn: (message: unknown) => String(message).includes('option unicode') || console.warn(message), error: console.error };
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false, unicode: false, logger }));

/** A property name short and plain enough to quote back in a reason without carrying markup or bulk. */
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * The instance path with any segment that is not a plain name or index masked:
 * inside free-form maps a segment is a key the sender chose.
 */
function pathOf(instancePath: string): string {
  return instancePath
    .replace(/^\//, '')
    .split('/')
    .map((segment) => (segment === '' || /^\d+$/.test(segment) || SAFE_NAME.test(segment) ? segment : '*'))
    .join('/');
}

function toIssue(error: ErrorObject): FieldIssue {
  const base = pathOf(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { field: base ? `${base}/${missing}` : missing, reason: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    // The unknown name is the sender's text, not a path of ours: the field is the object that holds it.
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { field: base, reason: SAFE_NAME.test(extra) ? `has a property "${extra}" that is not allowed` : 'has a property that is not allowed' };
  }
  return { field: base, reason: error.message ?? error.keyword };
}

/** Collapses anyOf noise (one error per branch) into one issue per field. */
function issuesOf(errors: ErrorObject[]): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    const issue = toIssue(error);
    const seen = byField.get(issue.field);
    if (!seen) byField.set(issue.field, issue);
    else if (error.keyword === 'const' && seen.reason.startsWith('must be equal to constant')) {
      seen.reason = 'must be one of the allowed values';
    }
  }
  return [...byField.values()];
}

export interface Validator<T> {
  readonly name: string;
  /** Returns the value typed, or throws ContractViolation. */
  parse(value: unknown): T;
  issues(value: unknown): FieldIssue[];
}

/** Compiles a schema once; validation on the hot path is then a plain function call. */
export function validatorFor<S extends TSchema>(name: string, schema: S): Validator<Static<S>> {
  const check: ValidateFunction = ajv.compile(schema);
  return {
    name,
    parse(value) {
      if (check(value)) return value as Static<S>;
      throw new ContractViolation(name, issuesOf(check.errors ?? []));
    },
    issues(value) {
      return check(value) ? [] : issuesOf(check.errors ?? []);
    },
  };
}
