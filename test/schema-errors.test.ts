import Ajv, { ErrorObject } from 'ajv';
import { closestName } from '../lib/diagnostics/closest-name';
import { reportedErrors, schemaErrorMessage, schemaProblems, SchemaWording } from '../lib/diagnostics/schema-errors';
import { expectedValue, receivedValue } from '../lib/diagnostics/schema-words';
import { checkShape } from '../lib/validation/shape-check';

/*
 * The one translation of ajv errors into plain words (lib/diagnostics/schema-errors.ts), used by
 * the chain spec's shape check and by `validate` on CRD schemas: whole messages, for every keyword.
 */

/** A schema root whose definitions `$ref`s point at, a cycle and a chain of references included. */
const root = {
  definitions: {
    Port: { type: 'integer', minimum: 1, maximum: 65535 },
    PortRef: { $ref: '#/definitions/Port' },
    Loop: { $ref: '#/definitions/Loop' },
    Service: {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'The service name. It names the Service.' },
        image: { type: 'string', description: 'Image: the container image' },
        port: { type: 'integer', description: 'Port 8.080 is not a sentence end. The rest' },
        weight: { type: 'integer', description: 'No sentence end here' },
        note: { type: 'string', description: 'Uses v1.2 only' },
        tag: { type: 'string', description: 'Ends here.' },
        lane: { type: 'string' },
        zone: { type: 'string', description: 'The zone\n  of the pod. More' },
      },
    },
  },
};

const expectedCases: [schema: object, words: string][] = [
  [{ enum: ['weighted', 'header'] }, 'one of "weighted", "header"'],
  [{ const: 'x' }, '"x"'],
  [{ const: 0 }, '0'],
  [{ const: false, type: 'string' }, 'false'],
  [{ type: 'integer', minimum: 1, maximum: 65535 }, 'a whole number from 1 to 65535'],
  [{ type: 'integer', minimum: 0 }, 'a whole number of at least 0'],
  [{ type: 'integer', maximum: 0 }, 'a whole number of at most 0'],
  [{ type: 'integer' }, 'a whole number'],
  [{ type: 'number', minimum: 0, maximum: 1 }, 'a number from 0 to 1'],
  [{ type: 'number', maximum: 1 }, 'a number of at most 1'],
  [{ type: 'number' }, 'a number'],
  [{ type: 'string' }, 'a string'],
  [{ type: 'boolean' }, 'true or false'],
  [{ type: 'null' }, 'empty (null)'],
  [{ type: 'date' }, 'a value of another type'],
  [{ type: ['number', 'string'] }, 'a number or a string'],
  [{ type: ['integer', 'null'], minimum: 1 }, 'a whole number of at least 1 or empty (null)'],
  [{ type: 'number', exclusiveMinimum: 0 }, 'a number above 0'],
  [{ type: 'integer', exclusiveMaximum: 10 }, 'a whole number below 10'],
  [{ type: 'number', exclusiveMinimum: 0, maximum: 1 }, 'a number above 0 and at most 1'],
  [{ type: 'number', minimum: 0, exclusiveMaximum: 1 }, 'a number of at least 0 and below 1'],
  [{ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, 'a number above 0 and below 1'],
  [{ type: 'number', minimum: 0, maximum: 1, exclusiveMaximum: 1 }, 'a number from 0 to 1'],
  [{}, 'a value of another type'],
  [{ type: 'array' }, 'a list'],
  [{ type: 'array', items: { type: 'string' } }, 'a list of strings'],
  [{ type: 'array', items: { type: 'integer', minimum: 1 } }, 'a list of whole numbers of at least 1'],
  [{ type: 'array', items: { type: 'null' } }, 'a list of values that are empty (null)'],
  [{ type: 'array', items: {} }, 'a list of values of another type'],
  [{ type: 'array', items: { type: ['integer', 'string'] } }, 'a list of whole numbers or strings'],
  [{ type: 'array', items: { type: 'number', exclusiveMinimum: 0 } }, 'a list of numbers above 0'],
  [{ type: 'array', items: { type: 'integer', exclusiveMaximum: 9 } }, 'a list of whole numbers below 9'],
  [{ type: 'array', items: { enum: ['a or a b'] } }, 'a list of values that are one of "a or a b"'],
  [{ type: 'array', items: { type: 'boolean' } }, 'a list of values that are true or false'],
  [{ type: 'array', items: { enum: ['x', 'a b'] } }, 'a list of values that are one of "x", "a b"'],
  [{ type: 'array', items: { type: 'array', items: { type: 'string' } } }, 'a list of lists of strings'],
  [{ type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } }, 'a list of mappings of names to strings'],
  [{ type: 'object' }, 'a mapping of fields'],
  [{ type: 'object', additionalProperties: false }, 'a mapping of fields'],
  [{ type: 'object', additionalProperties: { type: 'string' } }, 'a mapping of names to strings'],
  [{ type: 'object', properties: { a: {} }, additionalProperties: { type: 'string' } }, 'a mapping of fields'],
  [{ $ref: '#/definitions/Port' }, 'a whole number from 1 to 65535'],
  [{ $ref: '#/definitions/PortRef' }, 'a whole number from 1 to 65535'],
  [{ type: 'array', items: { $ref: '#/definitions/Port' } }, 'a list of whole numbers from 1 to 65535'],
  [{ $ref: '#/definitions/Missing' }, 'a value of another type'],
  [{ $ref: '#/definitions/Loop' }, 'a value of another type'],
];

describe('what a schema node accepts, in words', () => {
  test.each(expectedCases)('%j: %s', (schema, words) => {
    expect(expectedValue(schema, root)).toBe(words);
  });

  test('a reference with no definitions in the root accepts a value of another type', () => {
    expect(expectedValue({ $ref: '#/definitions/Port' }, {})).toBe('a value of another type');
  });
});

const receivedCases: [label: string, value: unknown, words: string][] = [
  ['null', null, 'empty (null)'],
  ['a list', [1], 'a list'],
  ['a mapping', { a: 1 }, 'a mapping'],
  ['NaN', NaN, 'NaN, which is not a number'],
  ['Infinity', Infinity, 'Infinity, a number too large to use'],
  ['-Infinity', -Infinity, '-Infinity, a number too large to use'],
  ['a function', () => 1, 'a function'],
  ['a symbol', Symbol('x'), 'Symbol(x)'],
  ['undefined', undefined, 'nothing'],
  ['a string', 'x', '"x" (a string)'],
  ['a number', 80, '80 (a number)'],
  ['a boolean', true, 'true (a boolean)'],
  ['a bigint', BigInt(12), '12 (a bigint)'],
];

describe('the value received, in words', () => {
  test.each(receivedCases)('%s', (_label, value, words) => {
    expect(receivedValue(value)).toBe(words);
  });
});

/** An ajv error as ajv reports it (with `verbose: true`), with the fields messages read. */
function ajvError(
  keyword: string, params: Record<string, unknown>, data: unknown, parentSchema?: object, message?: string, schema?: unknown,
): ErrorObject {
  return { keyword, instancePath: '/x', schemaPath: '#/x', params, data, parentSchema, message, schema };
}

const service = { $ref: '#/definitions/Service' };

/** Istio's "at most one of" pattern, for the fields given. */
function atMostOneOf(...fields: string[]): object[] {
  return [{ not: { anyOf: fields.map(field => ({ required: [field] })) } }, ...fields.map(field => ({ required: [field] }))];
}

const intOrString = [{ type: 'integer' }, { type: 'string' }];

const messageCases: [label: string, error: ErrorObject, holder: string | number | undefined, message: string][] = [
  ['a number for a string', ajvError('type', { type: 'string' }, 80, { type: 'string' }), 'image',
    'is 80 (a number); expected a string; write it in quotes to keep it text: "80"'],
  ['a boolean for a string', ajvError('type', { type: 'string' }, true, { type: 'string' }), 'image',
    'is true (a boolean); expected a string; write it in quotes to keep it text: "true"'],
  ['null for a string', ajvError('type', { type: 'string' }, null, { type: 'string' }), 'image',
    'is empty (null); expected a string'],
  ['a list for a string', ajvError('type', { type: 'string' }, ['a'], { type: 'string' }), 'image',
    'is a list; expected a string'],
  ['a boolean for a number or a string', ajvError('type', { type: ['number', 'string'] }, false, { type: ['number', 'string'] }), 'maxUnavailable',
    'is false (a boolean); expected a number or a string; write it in quotes to keep it text: "false"'],
  ['a fraction for a whole number', ajvError('type', { type: 'integer' }, 1.5, { type: 'integer', minimum: 1 }), 'port',
    'is 1.5 (a number); expected a whole number of at least 1'],
  ['null for a mapping', ajvError('type', { type: 'object' }, null, { type: 'object' }), 'defaults',
    'is empty (null); expected a mapping of fields; write `{}` for an empty mapping, or remove the field'],
  ['null for a mapping or a list', ajvError('type', { type: ['array', 'object'] }, null, { type: ['array', 'object'] }), 'defaults',
    'is empty (null); expected a list or a mapping of fields; write `{}` for an empty mapping, or remove the field'],
  ['a number for a mapping', ajvError('type', { type: 'object' }, 5, { type: 'object' }), 'versions',
    'is 5 (a number); expected a mapping of fields'],
  ['a type error without its schema', ajvError('type', { type: 'integer' }, 'x'), undefined,
    'is "x" (a string); expected a value of another type'],
  ['a missing field, first sentence of its description', ajvError('required', { missingProperty: 'name' }, {}, service), 0,
    'is missing; add it (The service name)'],
  ['a missing field, description up to a colon', ajvError('required', { missingProperty: 'image' }, {}, service), 0,
    'is missing; add it (Image)'],
  ['a missing field, a dot inside a sentence', ajvError('required', { missingProperty: 'port' }, {}, service), 0,
    'is missing; add it (Port 8.080 is not a sentence end)'],
  ['a missing field, no sentence end', ajvError('required', { missingProperty: 'weight' }, {}, service), 0,
    'is missing; add it (No sentence end here)'],
  ['a missing field, a dot but no sentence end', ajvError('required', { missingProperty: 'note' }, {}, service), 0,
    'is missing; add it (Uses v1.2 only)'],
  ['a missing field, one sentence', ajvError('required', { missingProperty: 'tag' }, {}, service), 0,
    'is missing; add it (Ends here)'],
  ['a missing field, a description over several lines', ajvError('required', { missingProperty: 'zone' }, {}, service), 0,
    'is missing; add it (The zone of the pod)'],
  ['a missing field with no description', ajvError('required', { missingProperty: 'lane' }, {}, service), 0,
    'is missing; add it'],
  ['a missing field the schema does not list', ajvError('required', { missingProperty: 'other' }, {}, service), 0,
    'is missing; add it'],
  ['a missing field of a schema with no fields', ajvError('required', { missingProperty: 'name' }, {}, { type: 'object' }), 0,
    'is missing; add it'],
  ['a misspelt field', ajvError('additionalProperties', { additionalProperty: 'imag' }, {}, service), 0,
    'is not a known field here; did you mean "image"? The fields are: name, image, port, weight, note, tag, lane, zone'],
  ['an unknown field', ajvError('additionalProperties', { additionalProperty: 'zzzzzz' }, {}, service), 0,
    'is not a known field here; The fields are: name, image, port, weight, note, tag, lane, zone'],
  ['a YAML merge key', ajvError('additionalProperties', { additionalProperty: '<<' }, {}, service), 0,
    'is a YAML merge key, which is not a field here; write the fields out'],
  ['a misspelt choice', ajvError('enum', { allowedValues: ['weighted', 'header'] }, 'headr', { enum: ['weighted', 'header'] }), 'mode',
    'is "headr" (a string); expected one of "weighted", "header"; did you mean "header"?'],
  ['a choice far from all', ajvError('enum', { allowedValues: ['weighted', 'header'] }, 'zzzzzz', { enum: ['weighted', 'header'] }), 'mode',
    'is "zzzzzz" (a string); expected one of "weighted", "header"'],
  ['a number for a choice', ajvError('enum', { allowedValues: ['weighted', 3] }, 3, { enum: ['weighted', 3] }), 'mode',
    'is 3 (a number); expected one of "weighted", 3'],
  ['a string close to a choice that is not a string', ajvError('enum', { allowedValues: ['weighted', 3] }, '3', { enum: ['weighted', 3] }), 'mode',
    'is "3" (a string); expected one of "weighted", 3'],
  ['another value than the constant', ajvError('const', { allowedValue: 'v1' }, 'v2', { const: 'v1' }), 'version',
    'is "v2" (a string); expected "v1"'],
  ['a number below the minimum', ajvError('minimum', { limit: 1 }, 0, root.definitions.Port), 'port',
    'is 0; expected a whole number from 1 to 65535'],
  ['a number above the maximum', ajvError('maximum', { limit: 65535 }, 70000, root.definitions.Port), 'port',
    'is 70000; expected a whole number from 1 to 65535'],
  ['a number at an exclusive minimum', ajvError('exclusiveMinimum', { limit: 0 }, 0, { type: 'number', exclusiveMinimum: 0 }), 'weight',
    'is 0; expected a number above 0'],
  ['a number at an exclusive maximum', ajvError('exclusiveMaximum', { limit: 1 }, 1, { type: 'number', exclusiveMaximum: 1 }), 'weight',
    'is 1; expected a number below 1'],
  ['too many items', ajvError('maxItems', { limit: 2 }, [1, 2, 3], { type: 'array' }), 'hosts',
    'has 3 entries, more than the 2 allowed; remove some'],
  ['one item too many', ajvError('maxItems', { limit: 0 }, [1], { type: 'array' }), 'hosts',
    'has 1 entry, more than the 0 allowed; remove some'],
  ['too many fields', ajvError('maxProperties', { limit: 1 }, { a: 1, b: 2 }, { type: 'object' }), 'versions',
    'has 2 entries, more than the 1 allowed; remove some'],
  ['too few items', ajvError('minItems', { limit: 1 }, [], { type: 'array' }), 'command',
    'has 0 entries, fewer than the 1 required; add some'],
  ['too few fields', ajvError('minProperties', { limit: 2 }, { a: 1 }, { type: 'object' }), 'labels',
    'has 1 entry, fewer than the 2 required; add some'],
  ['too long a string', ajvError('maxLength', { limit: 3 }, 'abcd', { type: 'string' }), 'name',
    'is 4 characters long, more than the 3 allowed; shorten it'],
  ['too long a string, counted in code points', ajvError('maxLength', { limit: 1 }, '\u{1F600}\u{1F600}', { type: 'string' }), 'name',
    'is 2 characters long, more than the 1 allowed; shorten it'],
  ['an empty string', ajvError('minLength', { limit: 1 }, '', { type: 'string' }), 'name',
    'is 0 characters long, fewer than the 1 required; lengthen it'],
  ['too short a string', ajvError('minLength', { limit: 2 }, 'a', { type: 'string' }), 'name',
    'is 1 character long, fewer than the 2 required; lengthen it'],
  ['a string off its pattern', ajvError('pattern', { pattern: '^[a-z]+$' }, 'Web', { type: 'string' }, 'must match pattern "^[a-z]+$"'), 'name',
    'is "Web" (a string); expected a string matching the regular expression `^[a-z]+$`'],
  ['two of fields of which at most one may be set', ajvError('oneOf', { passingSchemas: [1, 2] }, { exact: '/a', prefix: '/', other: 1 }, {}, undefined, atMostOneOf('exact', 'prefix', 'regex')), 'uri',
    'sets exact and prefix; expected at most one of exact, prefix, regex; keep one'],
  ['three of fields of which at most one may be set', ajvError('oneOf', { passingSchemas: [1, 2, 3] }, { regex: 'a', exact: '/a', prefix: '/' }, {}, undefined, atMostOneOf('exact', 'prefix', 'regex')), 'uri',
    'sets exact, prefix and regex; expected at most one of exact, prefix, regex; keep one'],
  ['a oneOf of other branches', ajvError('oneOf', { passingSchemas: null }, 5, {}, 'must match exactly one schema in oneOf', [{ type: 'string' }, { required: ['a'] }]), 'x',
    'must match exactly one schema in oneOf (received 5 (a number))'],
  ['one field set of an at-most-one-of', ajvError('oneOf', { passingSchemas: [0, 1] }, { exact: '/a' }, {}, undefined, atMostOneOf('exact', 'prefix')), 'uri',
    'is not valid (received a mapping)'],
  ['a oneOf of required fields and another branch', ajvError('oneOf', { passingSchemas: [1, 2] }, { a: 1, b: 2 }, {}, undefined, [{ properties: { a: {} } }, { required: ['a'] }, { required: ['b'] }]), 'x',
    'is not valid (received a mapping)'],
  ['a oneOf whose branches require two fields', ajvError('oneOf', { passingSchemas: [0, 1] }, { a: 1, b: 2 }, {}, undefined, [{ required: ['a', 'b'] }, { required: ['a'] }]), 'x',
    'is not valid (received a mapping)'],
  ['an at-most-one-of that is not met by a list', ajvError('oneOf', { passingSchemas: [0, 1] }, ['exact'], {}, undefined, atMostOneOf('exact', 'prefix')), 'uri',
    'is not valid (received a list)'],
  ['null for an at-most-one-of', ajvError('oneOf', { passingSchemas: [1, 2] }, null, {}, undefined, atMostOneOf('exact', 'prefix')), 'uri',
    'is not valid (received empty (null))'],
  ['a oneOf whose schema ajv did not give', ajvError('oneOf', { passingSchemas: [0, 1] }, { a: 1 }, {}), 'x',
    'is not valid (received a mapping)'],
  ['a list for an int-or-string', ajvError('anyOf', {}, ['80'], {}, undefined, intOrString), 'port',
    'is a list; expected a whole number or a string'],
  ['a fraction for an int-or-string', ajvError('anyOf', {}, 1.5, {}, undefined, intOrString), 'port',
    'is 1.5 (a number); expected a whole number or a string; write it in quotes to keep it text: "1.5"'],
  ['null for a mapping or true', ajvError('anyOf', {}, null, {}, undefined, [{ type: 'object' }, { type: 'boolean' }]), 'tls',
    'is empty (null); expected a mapping of fields or true or false; write `{}` for an empty mapping, or remove the field'],
  ['an anyOf whose branches say more than a type', ajvError('anyOf', {}, 'x', {}, 'must match a schema in anyOf', [{ type: 'integer' }, { type: 'string', format: 'ipv4' }]), 'address',
    'must match a schema in anyOf (received "x" (a string))'],
  ['an anyOf whose branches name no type', ajvError('anyOf', {}, 'x', {}, undefined, [{ format: 'ipv4' }, { format: 'ipv6' }]), 'address',
    'is not valid (received "x" (a string))'],
  ['an anyOf of several types in a branch', ajvError('anyOf', {}, null, {}, undefined, [{ type: ['integer', 'boolean'] }, { type: 'string' }]), 'port',
    'is empty (null); expected a whole number or true or false or a string'],
  ['an anyOf with a branch that is no mapping', ajvError('anyOf', {}, 'x', {}, undefined, [true, { type: 'integer' }]), 'address',
    'is not valid (received "x" (a string))'],
  ['an anyOf whose schema ajv did not give', ajvError('anyOf', {}, 'x', {}), 'address',
    'is not valid (received "x" (a string))'],
  ['another keyword, with ajv\'s message', ajvError('multipleOf', { multipleOf: 5 }, 7, { type: 'integer' }, 'must be multiple of 5'), 'port',
    'must be multiple of 5 (received 7 (a number))'],
  ['another keyword, without a message', ajvError('format', { format: 'uri' }, 5, { type: 'string' }), 'name',
    'is not valid (received 5 (a number))'],
];

describe('one ajv error as one whole message', () => {
  test.each(messageCases)('%s', (_label, error, holder, message) => {
    expect(schemaErrorMessage(error, { root }, holder)).toBe(message);
  });

  test('without a root, references are not followed', () => {
    const error = ajvError('minimum', { limit: 1 }, 0, { $ref: '#/definitions/Port' });
    expect(schemaErrorMessage(error)).toBe('is 0; expected a value of another type');
    expect(schemaErrorMessage(error, { root })).toBe('is 0; expected a whole number from 1 to 65535');
  });
});

describe('the words a caller passes in', () => {
  test('a fix for an empty mapping, chosen by the key that holds the field, or the general one', () => {
    const wording: SchemaWording = { emptyMappingFix: holder => (holder === 'versions' ? 'write `{}` for a version' : undefined) };
    const error = ajvError('type', { type: 'object' }, null, { type: 'object' });
    expect(schemaErrorMessage(error, wording, 'versions')).toBe('is empty (null); expected a mapping of fields; write `{}` for a version');
    expect(schemaErrorMessage(error, wording, 'defaults'))
      .toBe('is empty (null); expected a mapping of fields; write `{}` for an empty mapping, or remove the field');
    expect(schemaErrorMessage(ajvError('type', { type: 'object' }, 5, { type: 'object' }), wording, 'versions')).toBe('is 5 (a number); expected a mapping of fields');
  });

  test('what to say of a YAML merge key', () => {
    const error = ajvError('additionalProperties', { additionalProperty: '<<' }, {}, { properties: { a: {} } });
    expect(schemaErrorMessage(error, { mergeKeyAdvice: 'which these files do not support; write the fields out' }))
      .toBe('is a YAML merge key, which these files do not support; write the fields out');
  });
});

/** An ajv that reports every error with its data and schema, as both callers compile theirs. */
function verboseAjv(): Ajv {
  return new Ajv({ allErrors: true, verbose: true, strict: false });
}

/** The problems of `data` against `schema`, through ajv. */
function problemsOf(schema: object, data: unknown, wording?: SchemaWording) {
  const validate = verboseAjv().compile(schema);
  expect(validate(data)).toBe(false);
  return schemaProblems(validate.errors ?? [], data, wording);
}

describe('the problems of a value', () => {
  test('each at the path of its field: a missing or unknown field named, list indices as numbers', () => {
    const schema = {
      type: 'object',
      properties: {
        routes: {
          type: 'array',
          items: { type: 'object', required: ['host'], additionalProperties: false, properties: { host: { type: 'string' }, weight: { type: 'integer' } } },
        },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };
    expect(problemsOf(schema, { routes: [{ host: 'a' }, { weigt: 'ten' }], labels: { tier: 1 } })).toEqual([
      { path: ['routes', 1, 'host'], message: 'is missing; add it' },
      { path: ['routes', 1, 'weigt'], message: 'is not a known field here; did you mean "weight"? The fields are: host, weight' },
      { path: ['labels', 'tier'], message: 'is 1 (a number); expected a string; write it in quotes to keep it text: "1"' },
    ]);
  });

  test('the key that holds a field chooses the caller\'s fix', () => {
    const schema = { type: 'object', properties: { versions: { type: 'object', additionalProperties: { type: 'object' } } } };
    const wording: SchemaWording = { emptyMappingFix: holder => `${String(holder)} holds it` };
    expect(problemsOf(schema, { versions: { v1: null } }, wording)).toEqual([
      { path: ['versions', 'v1'], message: 'is empty (null); expected a mapping of fields; versions holds it' },
    ]);
    expect(problemsOf({ type: 'object' }, null, wording)).toEqual([
      { path: [], message: 'is empty (null); expected a mapping of fields; undefined holds it' },
    ]);
  });

  test('follow references into the root given', () => {
    const schema = { definitions: { Port: { type: 'integer', minimum: 1 } }, type: 'object', properties: { port: { $ref: '#/definitions/Port' } } };
    expect(problemsOf(schema, { port: 0 }, { root: schema })).toEqual([
      { path: ['port'], message: 'is 0; expected a whole number of at least 1' },
    ]);
  });

  test('the same problem found twice is reported once', () => {
    const schema = { type: 'object', properties: { a: { allOf: [{ type: 'string' }, { type: 'string' }] } } };
    expect(problemsOf(schema, { a: 1 })).toEqual([
      { path: ['a'], message: 'is 1 (a number); expected a string; write it in quotes to keep it text: "1"' },
    ]);
  });

  test('an at-most-one-of is reported alone, not the branches that say why each alternative did not fit', () => {
    const schema = { type: 'object', properties: { uri: { type: 'object', oneOf: atMostOneOf('exact', 'prefix', 'regex') }, port: { type: 'integer' } } };
    expect(problemsOf(schema, { uri: { exact: '/a', regex: '.*' }, port: 'x' })).toEqual([
      { path: ['uri'], message: 'sets exact and regex; expected at most one of exact, prefix, regex; keep one' },
      { path: ['port'], message: 'is "x" (a string); expected a whole number' },
    ]);
  });

  test('an int-or-string is reported alone, not the type errors of its branches', () => {
    const schema = { type: 'object', properties: { port: { anyOf: intOrString }, name: { type: 'string' } } };
    expect(problemsOf(schema, { port: [80], name: 5 })).toEqual([
      { path: ['port'], message: 'is a list; expected a whole number or a string' },
      { path: ['name'], message: 'is 5 (a number); expected a string; write it in quotes to keep it text: "5"' },
    ]);
  });
});

describe('an at-most-one-of on a value of the wrong type', () => {
  test('is left to the type error', () => {
    const schema = { type: 'object', properties: { uri: { type: 'object', oneOf: atMostOneOf('exact', 'prefix') } } };
    expect(problemsOf(schema, { uri: null })).toEqual([
      { path: ['uri'], message: 'is empty (null); expected a mapping of fields; write `{}` for an empty mapping, or remove the field' },
    ]);
    expect(problemsOf(schema, { uri: ['/a'] })).toEqual([{ path: ['uri'], message: 'is a list; expected a mapping of fields' }]);
  });

  test('only the at-most-one-of at the mistyped value, and no other oneOf', () => {
    const errors: ErrorObject[] = [
      { keyword: 'type', schemaPath: '#/properties/a/type', instancePath: '/a', params: { type: 'object' }, data: 1, parentSchema: { type: 'object' } },
      { keyword: 'oneOf', schemaPath: '#/properties/a/oneOf', instancePath: '/a', params: {}, data: 1, schema: [{ type: 'string' }, { type: 'number' }] },
      { keyword: 'oneOf', schemaPath: '#/properties/b/oneOf', instancePath: '/b', params: {}, data: [], schema: atMostOneOf('x', 'y') },
      { keyword: 'oneOf', schemaPath: '#/properties/a/oneOf', instancePath: '/a', params: {}, data: 1, schema: atMostOneOf('x', 'y') },
    ];
    expect(reportedErrors(errors)).toEqual([errors[0], errors[1], errors[2]]);
  });
});

describe('the errors worth reporting', () => {
  /** An error at a schema path, as the branch filter reads it. */
  const at = (keyword: string, schemaPath: string): ErrorObject => ({ keyword, schemaPath, instancePath: '/a', params: {} });

  test('drop the errors inside a reported oneOf or anyOf, and keep those beside it', () => {
    const errors = [
      at('required', '#/properties/a/oneOf/1/required'),
      at('oneOf', '#/properties/a/oneOf'),
      at('type', '#/properties/a/oneOfThese/type'),
      at('type', '#/properties/b/anyOf/0/type'),
      at('anyOf', '#/properties/b/anyOf'),
      at('type', '#/properties/c/type'),
    ];
    expect(reportedErrors(errors)).toEqual([errors[1], errors[2], errors[4], errors[5]]);
  });

  test('keep the errors inside other keywords: a property name off its pattern', () => {
    const schema = { type: 'object', properties: { labels: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } } } };
    expect(problemsOf(schema, { labels: { Tier: 'x' } })).toEqual([
      { path: ['labels'], message: 'is "Tier" (a string); expected a string matching the regular expression `^[a-z]+$`' },
      { path: ['labels'], message: 'property name must be valid (received a mapping)' },
    ]);
  });
});

describe('the words of the chain spec\'s shape check', () => {
  test('a mapping and a list left empty, a YAML merge key, a version left empty', () => {
    const props = {
      defaults: null,
      entry: { service: 'web', hosts: null },
      services: [{ 'name': 'web', '<<': { image: 'shop/web:1' }, 'versions': { v1: null } }],
    };
    expect(checkShape(props)).toEqual([
      { path: ['defaults'], message: 'is empty (null); expected a mapping of fields; write `{}` for an empty mapping, or remove the field' },
      { path: ['entry', 'hosts'], message: 'is empty (null); expected a list of strings' },
      { path: ['services', 0, '<<'], message: 'is a YAML merge key, which spec files do not support; write the fields out, or move shared settings to `defaults`' },
      { path: ['services', 0, 'versions', 'v1'], message: 'is empty (null); expected a mapping of fields; write `{}` for a version with no settings of its own' },
    ]);
  });

  test('a list whose items are defined elsewhere in the schema is named by what they are', () => {
    const props = {
      services: 5,
      entry: { service: 'web', headerRoutes: 'x-user' },
    };
    expect(checkShape(props)).toEqual([
      { path: ['entry', 'headerRoutes'], message: 'is "x-user" (a string); expected a list of mappings of fields' },
      { path: ['services'], message: 'is 5 (a number); expected a list of mappings of fields' },
    ]);
  });
});

describe('the field most likely meant', () => {
  const long = (letter: string, length: number) => letter.repeat(length);

  test.each([
    ['one edit per four letters', 'wieghted', ['weighted'], 'weighted'],
    ['one edit for a short word', 'prt', ['port'], 'port'],
    ['two edits are too many for a short word', 'pt', ['port'], undefined],
    ['the same but for case', 'IMAGE', ['image'], 'image'],
    ['the first of two equally close', 'bat', ['cat', 'hat'], 'cat'],
    ['not the word itself', 'port', ['port'], undefined],
    ['a word of 64 letters is compared', long('a', 64), [long('A', 64)], long('A', 64)],
    ['a longer word is not', long('a', 65), [long('a', 64)], undefined],
    ['a candidate of 64 letters is compared', `${long('a', 63)}b`, [long('a', 64)], long('a', 64)],
    ['a longer candidate is not', long('a', 64), [long('a', 65)], undefined],
  ])('%s', (_label, word, candidates, closest) => {
    expect(closestName(word, candidates)).toBe(closest);
  });
});
