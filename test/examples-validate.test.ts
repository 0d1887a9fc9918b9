import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formatFinding, lintPaths } from '../lib/lint';

/*
 * The committed example manifests read by `validate`, as users apply them: the CRD schemas
 * and CEL rules, references and routing checks. These tests drive lint over files on disk, so
 * they stay out of the core's mutation suite (test/mutation/core.mutation.ts), where each would
 * take seconds for every mutant that reloads the suite.
 */

const ROOT = join(__dirname, '..');

test('the committed Gateway API and ambient examples pass validate: CRD schemas and CEL rules, references, routing checks', () => {
  for (const example of ['seed-gateway-api', 'ambient-lanes']) {
    expect(lintPaths([join(ROOT, 'gitops', example)]).map(formatFinding)).toEqual([]);
  }
});

describe('the label contract, for workloads outside the app', () => {
  const routing = join(ROOT, 'gitops', 'adopt-services');
  const deployments = readFileSync(join(ROOT, 'examples', 'workloads', 'store-deployments.yaml'), 'utf8');

  test('validate, given the routing and the Deployments, finds every subset selecting pods', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adopt-'));
    writeFileSync(join(dir, 'deployments.yaml'), deployments);
    expect(lintPaths([routing, dir]).map(formatFinding)).toEqual([]);
  });

  test('a Deployment without the version label leaves its subset without pods, and validate says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adopt-'));
    writeFileSync(join(dir, 'deployments.yaml'), deployments.replace('track: canary, version: v2 } }\n    spec:\n      containers: [{ name: basket', 'track: canary } }\n    spec:\n      containers: [{ name: basket'));
    const findings = lintPaths([routing, dir]).map(formatFinding);
    expect(findings).toEqual([expect.stringMatching(/VirtualService store\/vs-basket: .*subset v2 of host basket.store.svc.cluster.local selects no pods: no pod template in namespace store has the labels app=basket, version=v2/)]);
  });
});
