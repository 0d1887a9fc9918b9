import * as fs from 'fs';
import { chainSchema } from '../lib/validation/shape-check';

/** scripts/generate-schema.js, a plain CommonJS script. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../scripts/generate-schema') as {
  VALIDATOR_FILE: string;
  SCHEMA_FILE: string;
  generateSchemaText(): string;
  generateValidatorText(schemaText: string): string;
  realDefault(value: unknown, members: Map<string, unknown>): unknown;
};

describe('schema/chain.schema.json', () => {
  test('is what scripts/generate-schema.js writes from the props today (run `npx projen schema` if not)', () => {
    expect(fs.readFileSync(generator.SCHEMA_FILE, 'utf8')).toBe(generator.generateSchemaText());
  }, 60_000);

  test('has its precompiled validator, schema/chain.validate.js, up to date beside it', () => {
    const schemaText = fs.readFileSync(generator.SCHEMA_FILE, 'utf8');
    expect(fs.readFileSync(generator.VALIDATOR_FILE, 'utf8')).toBe(generator.generateValidatorText(schemaText));
  });

  test('holds no prose defaults, and enum defaults as their values', () => {
    const text = JSON.stringify(chainSchema());
    expect(text).not.toMatch(/"default":"- /);
    const definitions = (chainSchema() as { definitions: Record<string, { properties?: Record<string, { default?: unknown }> }> }).definitions;
    expect(definitions.ServiceChainProps.properties!.laneMode.default).toBe('sourceLabels');
    expect(definitions.HeaderRoute.properties!.from.default).toEqual(['gateway']);
    expect(definitions.ChainDefaults.properties!.port.default).toBe(80);
    expect(definitions.GatewayProps.properties!.selector.default).toEqual({ istio: 'ingressgateway' });
  });

  test('constrains what TypeScript types cannot: whole numbers and their ranges', () => {
    const definitions = (chainSchema() as { definitions: Record<string, any> }).definitions;
    expect(definitions.ServiceProps.properties.port).toMatchObject({ type: 'integer', minimum: 1, maximum: 65535 });
    expect(definitions.GatewayProps.properties.port).toMatchObject({ type: 'integer', minimum: 1, maximum: 65535 });
    expect(definitions.ChainDefaults.properties.replicas).toMatchObject({ type: 'integer', minimum: 0 });
    expect(definitions.Weights.additionalProperties).toEqual({ type: 'integer', minimum: 0, maximum: 100 });
  });
});

describe('realDefault', () => {
  const members = new Map<string, unknown>([['LaneMode.HEADER', 'header'], ['TrafficSource.MESH', 'mesh']]);
  test.each([
    ['drops prose', '- none; set this or `cookie`', undefined],
    ['keeps strings', 'x-lane', 'x-lane'],
    ['keeps numbers', 80, 80],
    ['keeps objects', { istio: 'ingressgateway' }, { istio: 'ingressgateway' }],
    ['turns an enum member into its value', 'LaneMode.HEADER', 'header'],
    ['turns a list of enum members into their values', '[TrafficSource.MESH, LaneMode.HEADER]', ['mesh', 'header']],
    ['keeps a string that only looks like a member', 'Unknown.MEMBER', 'Unknown.MEMBER'],
  ])('%s', (_name, value, expected) => {
    expect(generator.realDefault(value, members)).toEqual(expected);
  });
});
