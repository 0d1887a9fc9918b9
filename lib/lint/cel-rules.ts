import { compileRule, isTransitionRule } from './cel-evaluator';
import { celValueOf } from './cel-values';
import { asList, asRecord } from './loaded-objects';
import { formatPath, PathSegment } from '../diagnostics/problems';

/** One CEL rule of a CRD schema (`x-kubernetes-validations`). */
interface ValidationRule {
  /** The CEL expression. */
  readonly rule: string;
  /** What the CRD says when it fails. @default - the rule itself is shown */
  readonly message?: string;
}

/** Whether a schema node or anything below it carries CEL rules; worked out once per node. */
const carriesRules = new WeakMap<object, boolean>();

function rulesOf(schema: Record<string, unknown>): ValidationRule[] {
  return asList(schema['x-kubernetes-validations'])
    .map(asRecord)
    .filter((entry): entry is Record<string, unknown> => entry !== undefined && typeof entry.rule === 'string')
    .map(entry => ({ rule: entry.rule as string, ...(typeof entry.message === 'string' ? { message: entry.message } : {}) }));
}

function childSchemas(schema: Record<string, unknown>): unknown[] {
  return [...Object.values(asRecord(schema.properties) ?? {}), schema.items, schema.additionalProperties];
}

function hasRulesBelow(schemaValue: unknown): boolean {
  const schema = asRecord(schemaValue);
  if (!schema) return false;
  const known = carriesRules.get(schema);
  if (known !== undefined) return known;
  carriesRules.set(schema, false);
  const carries = rulesOf(schema).length > 0 || childSchemas(schema).some(hasRulesBelow);
  carriesRules.set(schema, carries);
  return carries;
}

/**
 * The CEL rules (`x-kubernetes-validations`) of a CRD schema that an object breaks, each as a
 * message led by the path of the value it is about:
 * `spec.http[0].timeout: must be a valid duration greater than 1ms (the CRD's CEL rule duration(self) >= duration('1ms'))`.
 * Transition rules (those reading `oldSelf`) compare with the object in the cluster and are
 * skipped. Only the parts of the schema that carry rules are walked, and each rule is compiled
 * once, so objects of kinds without rules cost next to nothing.
 */
export function celRuleMessages(schema: object, object: unknown): string[] {
  const messages: string[] = [];
  const stack: Array<{ schema: unknown; value: unknown; path: PathSegment[] }> = [{ schema, value: object, path: [] }];
  while (stack.length > 0) {
    const { schema: schemaValue, value, path } = stack.pop()!;
    const node = asRecord(schemaValue);
    if (!node || value === undefined || value === null || !hasRulesBelow(node)) continue;
    const rules = rulesOf(node).filter(rule => !isTransitionRule(rule.rule));
    if (rules.length > 0) {
      const self = celValueOf(value, node);
      for (const rule of rules) {
        const outcome = compileRule(rule.rule)(self);
        if (outcome.kind === 'passed') continue;
        const where = path.length > 0 ? formatPath(path) : 'the object';
        messages.push(outcome.kind === 'failed'
          ? `${where}: ${rule.message ?? 'fails a rule of the CRD'} (the CRD's CEL rule ${rule.rule})`
          : `${where}: the CRD's CEL rule ${rule.rule} cannot be evaluated (${outcome.message}); the API server refuses the object`);
      }
    }
    const children: typeof stack = [];
    if (Array.isArray(value)) {
      value.forEach((item, i) => children.push({ schema: node.items, value: item, path: [...path, i] }));
    } else {
      const record = asRecord(value);
      const properties = asRecord(node.properties);
      for (const [key, child] of Object.entries(record ?? {})) {
        const childSchema = properties && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : node.additionalProperties;
        children.push({ schema: childSchema, value: child, path: [...path, key] });
      }
    }
    stack.push(...children.reverse());
  }
  return messages;
}
