import { readFileSync } from 'fs';
import { join } from 'path';
import { ValidateFunction } from 'ajv';
import { PathSegment, Problem } from '../diagnostics/problems';
import { schemaProblems, SchemaWording } from '../diagnostics/schema-errors';
import { projectRoot } from '../project-root';

let schema: object | undefined;
let compiled: ValidateFunction | undefined;

/** The JSON Schema of the chain props and spec files (schema/chain.schema.json), read once. */
export function chainSchema(): object {
  schema ??= JSON.parse(readFileSync(join(projectRoot(), 'schema', 'chain.schema.json'), 'utf8')) as object;
  return schema;
}

/**
 * The schema validator, precompiled by scripts/generate-schema.js into schema/chain.validate.js
 * (every error reported, infinities and NaN refused as numbers), loaded once.
 */
function validator(): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiled ??= require(join(projectRoot(), 'schema', 'chain.validate.js')) as ValidateFunction;
  return compiled;
}

/** What the messages say that only holds for chain props and spec files. */
function chainWording(): SchemaWording {
  return {
    root: chainSchema(),
    emptyMappingFix: (holder: PathSegment | undefined) => (holder === 'versions' ? 'write `{}` for a version with no settings of its own' : undefined),
    mergeKeyAdvice: 'which spec files do not support; write the fields out, or move shared settings to `defaults`',
  };
}

/**
 * Checks the shape of chain props or of a parsed spec against schema/chain.schema.json:
 * types, whole numbers and ranges, enums, required and unknown fields. Returns every problem,
 * each with a plain message; never throws on any input.
 */
export function checkShape(value: unknown): Problem[] {
  const validate = validator();
  if (validate(value)) return [];
  // Stryker disable next-line ArrayDeclaration: ajv sets `errors` whenever validation fails, so the fallback list is never read
  return schemaProblems(validate.errors ?? [], value, chainWording());
}
