import { join } from 'path';
import { ErrorObject, ValidateFunction } from 'ajv';
import { projectRoot } from '../project-root';
import { chainSchema } from './chain-schema';
import { schemaMessage } from './schema-messages';
import { pointerPath } from '../diagnostics/json-pointer';
import { PathSegment, Problem } from '../diagnostics/problems';

let compiled: ValidateFunction | undefined;

/**
 * The schema validator, precompiled by scripts/generate-schema.js into schema/chain.validate.js
 * (every error reported, infinities and NaN refused as numbers), loaded once.
 */
function validator(): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiled ??= require(join(projectRoot(), 'schema', 'chain.validate.js')) as ValidateFunction;
  return compiled;
}

/** Where an error points: the missing or unknown field itself, not the object holding it. */
function errorPath(error: ErrorObject, root: unknown): PathSegment[] {
  const path = pointerPath(error.instancePath, root);
  if (error.keyword === 'required') return [...path, String(error.params.missingProperty)];
  if (error.keyword === 'additionalProperties') return [...path, String(error.params.additionalProperty)];
  return path;
}

/**
 * Checks the shape of chain props or of a parsed spec against schema/chain.schema.json:
 * types, whole numbers and ranges, enums, required and unknown fields. Returns every problem,
 * each with a plain message; never throws on any input.
 */
export function checkShape(value: unknown): Problem[] {
  const validate = validator();
  if (validate(value)) return [];
  const root = chainSchema();
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of validate.errors ?? []) {
    const path = errorPath(error, value);
    const parentKey = pointerPath(error.instancePath, value).slice(-2)[0];
    const message = schemaMessage(error, root, parentKey);
    const key = JSON.stringify([path, message]);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return problems;
}
