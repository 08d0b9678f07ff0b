// @vitest-environment node
/**
 * `npm run build` end to end (scripts/build.mjs under plain node, real Rollup bundles), on the
 * fixture lessons with the placeholder app, local LMS and preview entries from test/fixtures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashTree } from './support';

const root = join(__dirname, '..', '..');
const fixtures = ['--app-entry', 'test/fixtures/entries/app.ts', '--local-lms-entry', 'test/fixtures/entries/local-lms.ts', '--preview-dir', 'test/fixtures/entries/preview'];
let work: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pr-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build', () => {
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    first = run('--lessons-dir', 'test/fixtures/lessons/good', '--out', join(work, 'dist'), ...fixtures);
  }, 300_000);

  it('builds the lessons of --lessons-dir into --out', () => {
    expect(first.stderr.split('\n').filter((l) => l && !l.startsWith('note:'))).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`built fixture-mini into ${join(work, 'dist')}`);
    expect(readdirSync(join(work, 'dist')).sort()).toEqual([
      'fixture-mini',
      'fixture-mini-scorm12.zip',
      'fixture-mini-scorm2004.zip',
      'fixture-mini-teacher-guide.html',
      'preview',
    ]);
  });

  it('bundles the scripts as classic IIFEs without source maps, the package\u2019s minified', () => {
    const script = (file: string) => readFileSync(join(work, 'dist', file), 'utf8');
    for (const file of ['fixture-mini/app.js', 'fixture-mini/local-lms.js', 'preview/host.js']) {
      expect(script(file)).not.toMatch(/sourceMappingURL|^\s*import |^\s*export /m);
    }
    for (const file of ['fixture-mini/app.js', 'fixture-mini/local-lms.js']) {
      expect(script(file)).not.toContain('Placeholder');
      expect(script(file).trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    expect(script('fixture-mini/local-lms.js')).toMatch(/^var PropagandaReaderLocalLms=function/);
    expect(script('preview/host.js')).toMatch(/^\(function \(\) \{/);
  });

  it('gives the same bytes on a second run', () => {
    // --no-cache: bundle again rather than reuse the first run's scripts.
    const again = run('--no-cache', '--lessons-dir', 'test/fixtures/lessons/good', '--out', join(work, 'again'), ...fixtures);
    expect(again.code).toBe(0);
    expect(hashTree(join(work, 'again'))).toBe(hashTree(join(work, 'dist')));
  }, 300_000);

  it('prints every issue and exits 1 on a broken lesson, leaving the output as it was', () => {
    const before = hashTree(join(work, 'dist'));
    const broken = run('test/fixtures/lessons/broken/fixture-broken', '--out', join(work, 'dist'), ...fixtures);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      'test/fixtures/lessons/broken/fixture-broken/segments/01-phase.yaml:33  questions[1].options[1].feedback  missing — add `feedback:`',
    );
    expect(broken.stderr).toMatch(/build failed: 29 errors; .* was left unchanged/);
    expect(hashTree(join(work, 'dist'))).toBe(before);
    expect(readdirSync(work).filter((n) => n.startsWith('.dist-'))).toEqual([]);
  }, 300_000);

  it('rejects an unknown option with the usage', () => {
    const wrong = run('--outdir', 'x');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown option --outdir');
    expect(wrong.stderr).toContain('usage: node scripts/build.mjs');
  }, 300_000);

  it('rejects a --scorm version other than 1.2 or 2004, with the usage', () => {
    const wrong = run('--scorm', '2.0');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--scorm takes 1.2 or 2004, not "2.0"');
    expect(wrong.stderr).toContain('usage: node scripts/build.mjs');
  }, 300_000);
});
