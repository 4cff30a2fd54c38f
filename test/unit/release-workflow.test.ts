/** The release workflow is YAML a person can read, and safe: pinned actions, minimal permissions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { strategy: { matrix: { include: { os: string }[] } }; steps: Step[] }>;
}

const text = readFileSync('.github/workflows/release.yml', 'utf8');
const workflow = parse(text) as Workflow;
const job = workflow.jobs.installers!;

describe('release workflow', () => {
  it('runs on macOS, Windows and Linux', () => {
    expect(job.strategy.matrix.include.map((m) => m.os).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
  });

  it('pins every action by commit SHA and asks only to read the code', () => {
    const uses = job.steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(2);
    for (const action of uses) expect(action).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('tests, runs the Electron journeys, builds without publishing, and keeps the installers', () => {
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm test');
    expect(runs).toContain('xvfb-run -a npm run test:electron');
    expect(runs).toContain('npm run dist');
    // The native policy stores, on the runners that have them.
    expect(runs).toContain('npx tsx scripts/check-os-policy.ts');
    expect(readFileSync('scripts/dist.ts', 'utf8')).toContain("'--publish', 'never'");
    expect(job.steps.at(-1)!.uses).toContain('actions/upload-artifact@');
  });
});
