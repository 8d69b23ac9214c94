import type { ErrorObject } from 'ajv';

export interface NinjsIssue {
  /** JSON pointer of the offending field, "(root)" for the document itself. */
  field: string;
  reason: string;
}

// Branch bookkeeping that repeats what the branch errors already say.
const NOISE = new Set(['anyOf', 'oneOf', 'if', 'then', 'else', 'allOf']);

function pointer(base: string, property: string | undefined): string {
  const joined = property === undefined ? base : `${base}/${property}`;
  return joined.replace(/^\//, '') || '(root)';
}

function issueOf(error: ErrorObject): NinjsIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: pointer(error.instancePath, String(params.missingProperty)), reason: 'is required' };
    case 'additionalProperties':
      return { field: pointer(error.instancePath, String(params.additionalProperty)), reason: 'is not a ninjs property' };
    case 'unevaluatedProperties':
      return { field: pointer(error.instancePath, String(params.unevaluatedProperty)), reason: 'is not a ninjs property' };
    default:
      return { field: pointer(error.instancePath, undefined), reason: error.message ?? error.keyword };
  }
}

/** A oneOf/anyOf wrapper adds nothing when a branch error at or below its field says more. */
function isRedundant(error: ErrorObject, errors: ErrorObject[]): boolean {
  return NOISE.has(error.keyword) && errors.some((other) => !NOISE.has(other.keyword) && other.instancePath.startsWith(error.instancePath));
}

/**
 * One issue per field, in document order. A wrapper is kept only when it is all
 * there is to say ("must match exactly one schema in oneOf" when two branches pass).
 */
export function ninjsIssues(errors: ErrorObject[]): NinjsIssue[] {
  const byField = new Map<string, NinjsIssue>();
  for (const error of errors.filter((e) => !isRedundant(e, errors))) {
    const issue = issueOf(error);
    if (!byField.has(issue.field)) byField.set(issue.field, issue);
  }
  return [...byField.values()];
}

export function describeIssues(issues: NinjsIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((i) => `${i.field} ${i.reason}`);
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return shown.join('; ') + more;
}
