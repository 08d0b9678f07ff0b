/**
 * The e2e harness catches what it claims to: on a deliberately broken page served with the same
 * strict CSP, the watcher reports the blocked inline script, the console error, the uncaught
 * exception and the missing file, and axe (loaded under that CSP) reports the missing alt text.
 * Without this, a clean result from the other e2e files could mean the watchers were blind.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noChromium, TEST_TIMEOUT_MS, TIMEOUT, watch } from './browser.js';
import { serve, type Served } from './dist.js';
import { axeViolations } from './axe.js';

const BROKEN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title>
<script>window.inlineRan = true;</script>
<script src="bad.js"></script>
<script src="missing.js"></script>
</head><body><main><h1>Broken on purpose</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"></main></body></html>`;

const BAD_SCRIPT = `console.error('deliberate console error');
setTimeout(() => { throw new Error('deliberate uncaught error'); }, 0);`;

describe.skipIf(noChromium)('the e2e harness sees problems', { timeout: TEST_TIMEOUT_MS }, () => {
  let root: string;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pr-e2e-harness-'));
    writeFileSync(join(root, 'index.html'), BROKEN_PAGE);
    writeFileSync(join(root, 'bad.js'), BAD_SCRIPT);
    served = await serve(root);
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports a CSP violation, a console error, an uncaught error and a 404, and axe runs under the CSP', async () => {
    const context = await browser.newContext();
    const problems = await watch(context);
    const page = await context.newPage();
    await page.goto(`${served.origin}/index.html`, { timeout: TIMEOUT.load });
    await expect.poll(() => problems.map((p) => p.kind).sort(), { timeout: TIMEOUT.action }).toEqual(
      expect.arrayContaining(['console-error', 'csp-violation', 'http-error', 'page-error']),
    );
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(problems.find((p) => p.kind === 'csp-violation')!.text).toMatch(/script-src/);
    expect(problems.find((p) => p.kind === 'http-error')!.text).toMatch(/404 .*missing\.js/);
    expect(problems.find((p) => p.kind === 'page-error')!.text).toMatch(/deliberate uncaught error/);

    const before = problems.length;
    const violations = await axeViolations(page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
    expect(problems.slice(before), 'axe itself loads without a CSP violation').toEqual([]);
    await context.close();
  });
});
