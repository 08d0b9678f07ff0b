/**
 * The preview host in Chromium, served by scripts/serve.mjs with its strict CSP, framing a minimal
 * fixture SCO (test/preview/fixtures/sco) built as SCORM 1.2 and 2004: the API is found from the
 * frame, every call shows in the panel, relaunch as resume / review / reset and the version switch
 * do what an LMS does, a failing server reaches the package as a failed commit, a closed tab comes
 * back resumed, and the page is accessible from 320 px to desktop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreviewHost } from './support/bundle-host.js';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const MANIFEST_12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="fixture" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Fixture lesson whose title is long enough to widen a phone screen if nothing lets it shrink</title>
    <item identifier="item" identifierref="res"><title>Fixture lesson</title><adlcp:masteryscore>70</adlcp:masteryscore></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/><file href="sco.js"/></resource></resources>
</manifest>`;
const MANIFEST_2004 = MANIFEST_12.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>2004 4th Edition</schemaversion>').replace(/<adlcp:masteryscore>70<\/adlcp:masteryscore>/, '');

let base: string;
let server: ChildProcess;
let origin: string;
let browser: Browser;

function startServe(root: string): Promise<{ child: ChildProcess; origin: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--root', root], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`serve.mjs did not start:\n${out}`)), 10_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Press Ctrl\+C/.test(out) && /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ child, origin: m[1]! });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  });
}

/** Collects CSP violations and page errors from the host and its frames. */
async function open(context: BrowserContext, path = '/preview/'): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} ${m.location().url}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${origin}${path}`);
  return { page, problems };
}

async function sco(page: Page, entry: string): Promise<Frame> {
  const handle = await page.waitForSelector('#frame');
  let frame: Frame | null = null;
  await expect
    .poll(async () => {
      frame = await handle.contentFrame();
      if (!frame || frame.url().endsWith('about:blank')) return null;
      return frame.locator('#entry').textContent({ timeout: 2000 }).catch(() => null);
    }, { timeout: 10_000 })
    .toBe(entry);
  return frame!;
}

const cmiValue = (page: Page, element: string) => page.locator('#cmi tr', { has: page.locator(`td:text-is("${element}")`) }).locator('td').nth(1).textContent();

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'pr-host-'));
  const dist = join(base, 'dist');
  await buildPreviewHost(join(dist, 'preview'));
  const fixture = join(__dirname, 'fixtures/sco');
  for (const [folder, manifest, version] of [
    ['fixture', MANIFEST_12, '1.2'],
    ['fixture-scorm2004', MANIFEST_2004, '2004'],
  ] as const) {
    mkdirSync(join(dist, folder), { recursive: true });
    cpSync(fixture, join(dist, folder), { recursive: true });
    writeFileSync(join(dist, folder, 'imsmanifest.xml'), manifest);
    const html = readFileSync(join(fixture, 'index.html'), 'utf8').replace('<html lang="en">', `<html lang="en" data-scorm-version="${version}">`);
    writeFileSync(join(dist, folder, 'index.html'), html);
  }
  const started = await startServe(dist);
  server = started.child;
  origin = started.origin;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('the preview host in Chromium', () => {
  it('frames the package with the 1.2 API in the parent, logs each call, and relaunches as resume, review and reset', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, problems } = await open(context);
    let frame = await sco(page, 'ab-initio');
    expect(await frame.locator('#api').textContent()).toBe('API');
    expect(await page.evaluate(() => typeof window.API_1484_11)).toBe('undefined');
    await expect.poll(() => cmiValue(page, 'cmi.student_data.mastery_score')).toBe('70');
    const firstRow = page.locator('#calls tr:not(.separator)').last();
    await expect.poll(() => firstRow.locator('td').nth(2).textContent()).toMatch(/^LMSInitialize\(""\)/);

    await frame.click('#save');
    expect(await frame.locator('#commit').textContent()).toBe('true 0');
    await expect.poll(() => page.locator('#calls tr', { hasText: 'LMSCommit' }).count()).toBe(1);
    const setRow = page.locator('#calls tr', { hasText: 'cmi.suspend_data' }).filter({ hasText: 'LMSSetValue' });
    expect(await setRow.locator('td').allTextContents()).toEqual(['5', expect.stringMatching(/^\d+ ms$/), expect.stringMatching(/^LMSSetValue\("cmi\.suspend_data", "clicks=1"\)/), '"true"', '0']);
    await expect.poll(() => cmiValue(page, 'cmi.suspend_data')).toMatch(/clicks=1$/);

    await page.click('#resume');
    frame = await sco(page, 'resume');
    expect(await frame.locator('#suspend').textContent()).toBe('clicks=1');
    expect(await frame.locator('#mode').textContent()).toBe('normal');
    // The first session's finish, run by the package's pagehide, reached the old API.
    expect(await page.locator('#calls tr', { hasText: 'LMSFinish' }).count()).toBe(1);

    await page.click('#review');
    frame = await sco(page, 'resume');
    expect(await frame.locator('#mode').textContent()).toBe('review');
    await expect.poll(() => cmiValue(page, 'cmi.core.credit')).toBe('no-credit');

    await page.click('#reset');
    frame = await sco(page, 'ab-initio');
    expect(await frame.locator('#suspend').textContent()).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('makes commits fail or wait when the LMS server is set so, and tells the author', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, problems } = await open(context);
    const frame = await sco(page, 'ab-initio');
    await page.check('input[name="server"][value="failing"]');
    await frame.click('#save');
    expect(await frame.locator('#commit').textContent()).toBe('false 101');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Simulated LMS failure: 1 commit refused/);
    await expect.poll(() => page.locator('#calls tr.failed', { hasText: 'LMSCommit' }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('pr-preview:fixture:1.2'))).toBeNull();

    await page.check('input[name="server"][value="slow"]');
    const took = await frame.evaluate(() => {
      const t0 = performance.now();
      (document.getElementById('save') as HTMLButtonElement).click();
      return performance.now() - t0;
    });
    expect(took).toBeGreaterThanOrEqual(200);
    expect(await frame.locator('#commit').textContent()).toBe('true 0');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('pr-preview:fixture:1.2')))!).cmi.suspend_data).toBe('clicks=2');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to the 2004 build with API_1484_11, and a closed tab comes back resumed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, problems } = await open(context);
    await sco(page, 'ab-initio');
    await page.check('input[name="version"][value="2004"]');
    let frame = await sco(page, 'ab-initio');
    expect(await frame.locator('#api').textContent()).toBe('API_1484_11');
    expect(await page.evaluate(() => typeof window.API)).toBe('undefined');
    expect(page.url()).toContain('version=2004');
    await frame.click('#save');
    expect(await frame.locator('#commit').textContent()).toBe('true 0');
    await page.close({ runBeforeUnload: true });

    const again = await open(context);
    frame = await sco(again.page, 'resume');
    expect(await frame.locator('#api').textContent()).toBe('API_1484_11');
    expect(await frame.locator('#suspend').textContent()).toBe('clicks=1');
    expect([...problems, ...again.problems]).toEqual([]);
    await context.close();
  });

  it.each([
    [1280, 'beside'],
    [320, 'below'],
  ] as const)('at %i px puts the panel %s the package and passes axe', async (width, where) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const { page, problems } = await open(context);
    await sco(page, 'ab-initio');
    const frameBox = (await page.locator('#frame').boundingBox())!;
    const panelBox = (await page.locator('#panel').boundingBox())!;
    if (where === 'beside') {
      expect(panelBox.x).toBeGreaterThanOrEqual(frameBox.x + frameBox.width - 1);
      expect(frameBox.width).toBeGreaterThan(700);
    } else {
      expect(panelBox.y).toBeGreaterThanOrEqual(frameBox.y + frameBox.height - 1);
      expect(frameBox.width).toBeGreaterThanOrEqual(width - 1);
    }
    // Nothing wider than the window at any size.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The CSP forbids injected <script> elements; DevTools evaluation is not subject to it.
    const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ exclude: [['#frame']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
