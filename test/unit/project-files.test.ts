/**
 * What a newcomer meets first holds together: the README is a front door (short, every link and
 * anchor in the docs leads somewhere), the licence is the one package.json names, the changelog
 * follows Keep a Changelog, the Linux targets find a project homepage from a clone with no git
 * remote, and the pull-request workflow checks what it says it does, with pinned actions.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const MARKDOWN = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchorsIn(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));
}

describe('the docs', () => {
  it('keep the README a front door of at most 250 lines', () => {
    expect(readFileSync('README.md', 'utf8').split('\n').length).toBeLessThanOrEqual(250);
  });

  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const file of MARKDOWN) {
      const text = readFileSync(file, 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#');
        const linked = path ? normalize(join(dirname(file), path)) : file;
        if (!existsSync(linked)) broken.push(`${file}: ${target}`);
        else if (anchor && linked.endsWith('.md') && !anchorsIn(linked).has(anchor))
          broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds a broken link when there is one', () => {
    expect(anchorsIn('docs/cli.md').has('a-walkthrough-against-the-local-emulator')).toBe(true);
    expect(anchorsIn('docs/cli.md').has('no-such-heading')).toBe(false);
  });
});

describe('the project files', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    license: string;
    homepage?: string;
    repository?: { url: string };
  };

  it('carry the licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n/);
  });

  it('keep a changelog with an Unreleased section and dated releases', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelog).toContain('[Keep a Changelog]');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toMatch(/^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/m);
  });

  it('give the Linux targets a homepage from a clone with no git remote', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'cognito-desktop-clone-'));
    cpSync('package.json', join(clone, 'package.json'));
    // electron-builder's own lookup: package.json first, then the git remote (there is none here).
    const require = createRequire(import.meta.url);
    const { getRepositoryInfo } = require('app-builder-lib/out/util/repositoryInfo.js') as {
      getRepositoryInfo(
        dir: string,
        metadata: object,
      ): Promise<{ type: string; user: string; project: string } | null>;
    };
    const info = await getRepositoryInfo(clone, pkg);
    expect(info).toMatchObject({ type: 'github', user: 'cognito-desktop', project: 'cognito-desktop' });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as {
      linux: { maintainer?: string };
      deb: { maintainer?: string };
      publish: { owner: string; repo: string }[];
    };
    // The deb's maintainer: its own, else the Linux targets' (electron-builder merges the two).
    expect(builder.deb.maintainer ?? builder.linux.maintainer).toMatch(/<.+@.+>/);
    expect(builder.publish[0]).toMatchObject({ owner: info!.user, repo: info!.project });
  });
});

describe('the pull-request workflow', () => {
  interface Step {
    uses?: string;
    run?: string;
  }
  const workflow = parse(readFileSync('.github/workflows/pull-request.yml', 'utf8')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { strategy?: { matrix: { os: string[] } }; steps: Step[] }>;
  };

  it('runs on pull requests, reading the code only', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('lints, type-checks and unit-tests on Linux, macOS and Windows, and runs CI’s recipe on Linux', () => {
    const checks = workflow.jobs.checks!;
    expect([...checks.strategy!.matrix.os].sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
    const runs = checks.steps.flatMap((s) => (s.run ? [s.run] : []));
    for (const command of ['npm ci', 'npm run lint', 'npm run typecheck', 'npm run test:unit'])
      expect(runs).toContain(command);
    expect(workflow.jobs.full!.steps.some((s) => s.run?.includes('.ci/run'))).toBe(true);
  });

  it('pins every action by commit', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((s) => (s.uses ? [s.uses] : [])),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/@[0-9a-f]{40}$/);
  });
});
