import { ErrorObject } from 'ajv';
import { expectedValue, receivedValue, schemaMessage } from '../lib/validation/schema-messages';

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
  [{ type: 'null' }, 'a value of another type'],
  [{}, 'a value of another type'],
  [{ type: 'array' }, 'a list'],
  [{ type: 'array', items: { type: 'string' } }, 'a list of strings'],
  [{ type: 'array', items: { type: 'integer', minimum: 1 } }, 'a list of whole numbers of at least 1'],
  [{ type: 'array', items: { type: 'null' } }, 'a list of values of another type'],
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

/** An ajv error as ajv reports it, with the fields messages read. */
function ajvError(keyword: string, params: Record<string, unknown>, data: unknown, parentSchema?: object, message?: string): ErrorObject {
  return { keyword, instancePath: '/x', schemaPath: '#/x', params, data, parentSchema, message };
}

const service = { $ref: '#/definitions/Service' };

const messageCases: [label: string, error: ErrorObject, parentKey: string | number | undefined, message: string][] = [
  ['a number for a string', ajvError('type', { type: 'string' }, 80, { type: 'string' }), 'image',
    'is 80 (a number); expected a string; write it in quotes to keep it text: "80"'],
  ['a boolean for a string', ajvError('type', { type: 'string' }, true, { type: 'string' }), 'image',
    'is true (a boolean); expected a string; write it in quotes to keep it text: "true"'],
  ['null for a string', ajvError('type', { type: 'string' }, null, { type: 'string' }), 'image',
    'is empty (null); expected a string'],
  ['a list for a string', ajvError('type', { type: 'string' }, ['a'], { type: 'string' }), 'image',
    'is a list; expected a string'],
  ['a fraction for a whole number', ajvError('type', { type: 'integer' }, 1.5, { type: 'integer', minimum: 1 }), 'port',
    'is 1.5 (a number); expected a whole number of at least 1'],
  ['null for a mapping', ajvError('type', { type: 'object' }, null, { type: 'object' }), 'defaults',
    'is empty (null); expected a mapping of fields; write `{}` for an empty mapping, or remove the field'],
  ['null for a version', ajvError('type', { type: 'object' }, null, { type: 'object' }), 'versions',
    'is empty (null); expected a mapping of fields; write `{}` for a version with no settings of its own'],
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
  ['a missing field with no description', ajvError('required', { missingProperty: 'lane' }, {}, service), 0,
    'is missing; add it'],
  ['a missing field the schema does not list', ajvError('required', { missingProperty: 'other' }, {}, service), 0,
    'is missing; add it'],
  ['a missing field of a schema with no fields', ajvError('required', { missingProperty: 'name' }, {}, { type: 'object' }), 0,
    'is missing; add it'],
  ['a misspelt field', ajvError('additionalProperties', { additionalProperty: 'imag' }, {}, service), 0,
    'is not a known field here; did you mean "image"? The fields are: name, image, port, weight, note, tag, lane'],
  ['an unknown field', ajvError('additionalProperties', { additionalProperty: 'zzzzzz' }, {}, service), 0,
    'is not a known field here; The fields are: name, image, port, weight, note, tag, lane'],
  ['a YAML merge key', ajvError('additionalProperties', { additionalProperty: '<<' }, {}, service), 0,
    'is a YAML merge key, which spec files do not support; write the fields out, or move shared settings to `defaults`'],
  ['a misspelt choice', ajvError('enum', { allowedValues: ['weighted', 'header'] }, 'headr', { enum: ['weighted', 'header'] }), 'mode',
    'is "headr" (a string); expected one of "weighted", "header"; did you mean "header"?'],
  ['a choice far from all', ajvError('enum', { allowedValues: ['weighted', 'header'] }, 'zzzzzz', { enum: ['weighted', 'header'] }), 'mode',
    'is "zzzzzz" (a string); expected one of "weighted", "header"'],
  ['a number for a choice', ajvError('enum', { allowedValues: ['weighted', 3] }, 3, { enum: ['weighted', 3] }), 'mode',
    'is 3 (a number); expected one of "weighted", 3'],
  ['a string close to a choice that is not a string', ajvError('enum', { allowedValues: ['weighted', 3] }, '3', { enum: ['weighted', 3] }), 'mode',
    'is "3" (a string); expected one of "weighted", 3'],
  ['a number below the minimum', ajvError('minimum', { limit: 1 }, 0, root.definitions.Port), 'port',
    'is 0; expected a whole number from 1 to 65535'],
  ['a number above the maximum', ajvError('maximum', { limit: 65535 }, 70000, root.definitions.Port), 'port',
    'is 70000; expected a whole number from 1 to 65535'],
  ['a number at an exclusive minimum', ajvError('exclusiveMinimum', { limit: 0 }, 0, { type: 'number', minimum: 0 }), 'weight',
    'is 0; expected a number of at least 0'],
  ['a number at an exclusive maximum', ajvError('exclusiveMaximum', { limit: 1 }, 1, { type: 'number', maximum: 1 }), 'weight',
    'is 1; expected a number of at most 1'],
  ['too many items', ajvError('maxItems', { limit: 2 }, [1, 2, 3], { type: 'array' }), 'hosts',
    'has 3 entries, more than the 2 allowed; remove some'],
  ['too many fields', ajvError('maxProperties', { limit: 1 }, { a: 1, b: 2 }, { type: 'object' }), 'versions',
    'has 2 entries, more than the 1 allowed; remove some'],
  ['another keyword, with ajv\'s message', ajvError('pattern', { pattern: '^x' }, 'y', { type: 'string' }, 'must match pattern "^x"'), 'name',
    'must match pattern "^x" (received "y" (a string))'],
  ['another keyword, without a message', ajvError('format', { format: 'uri' }, 5, { type: 'string' }), 'name',
    'is not valid (received 5 (a number))'],
];

describe('one ajv error as one whole message', () => {
  test.each(messageCases)('%s', (_label, error, parentKey, message) => {
    expect(schemaMessage(error, root, parentKey)).toBe(message);
  });
});
