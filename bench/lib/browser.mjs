/**
 * Chromium for the benchmark: Debian's /usr/bin/chromium through playwright-core with the team's
 * flags, plus a host-resolver rule so that no name but 127.0.0.1 resolves (the benchmark talks to
 * nothing else; any other request is also recorded and reported). Pages are opened inside the
 * benchmark's LMS frame (bench/pages/lms.js), the way Moodle frames a SCO.
 */
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export async function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * Runs inside every frame at document start. In the package's frame it reports, through the
 * parent's window.__bench, when the app's `pr:first-segment` mark was set and when the frame next
 * painted after it (a requestAnimationFrame, then a task: the frame has been produced by then).
 * The frame is asked for in the same task as the mark (performance.mark is wrapped): a
 * PerformanceObserver's callback comes later, after whatever work the page queued meanwhile, and
 * would time the frame after that work instead of the one that painted the text.
 */
function frameProbe() {
  if (window === window.top) return;
  let reported = false;
  const report = (entry) => {
    if (reported) return;
    reported = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const bench = window.top.__bench;
        if (bench && !bench.firstSegment) {
          const nav = performance.getEntriesByType('navigation')[0];
          bench.firstSegment = {
            markAt: performance.timeOrigin + entry.startTime,
            paintedAt: performance.timeOrigin + performance.now(),
            timeOrigin: performance.timeOrigin,
            // Where the time went: the deferred scripts have all run by DOMContentLoaded.
            responseEnd: nav ? nav.responseEnd : null,
            domContentLoaded: nav ? nav.domContentLoadedEventStart : null,
            scripts: performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script').map((r) => ({ name: r.name.split('/').pop(), end: Math.round(r.responseEnd) })),
          };
        }
      }, 0),
    );
  };
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    const entry = mark(name, ...rest);
    if (name === 'pr:first-segment') report(entry);
    return entry;
  };
  try {
    // A mark set before the wrapper (none is expected: the probe runs at document start).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'pr:first-segment') report(e);
    }).observe({ type: 'mark', buffered: true });
  } catch {
    // No PerformanceObserver: the wrapper still reports.
  }
}

function setConfig(config) {
  if (window === window.top) window.__benchConfig = config;
}

/**
 * A fresh context (empty cache and storage) with the LMS frame page opened.
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, version?: '1.2' | '2004', src: string, cmi?: object, commitDelayMs?: number, cpuThrottling?: number, viewport?: { width: number, height: number } }} options
 */
export async function openInLmsFrame(browser, options) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const offHost = [];
  const problems = [];
  /** Every URL the page and its frames asked for, with when (ms since epoch). */
  const requests = [];
  page.on('request', (request) => {
    requests.push({ url: request.url(), at: Date.now() });
    const url = new URL(request.url());
    if (!['about:', 'data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') offHost.push(url.href);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  if (options.cpuThrottling && options.cpuThrottling > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottling });
  const version = options.version ?? '1.2';
  await page.addInitScript(setConfig, { version, src: options.src, cmi: options.cmi ?? null, commitDelayMs: options.commitDelayMs ?? 0 });
  await page.addInitScript(frameProbe);
  await page.goto(`${options.origin}/bench/lms-${version}.html`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return { context, page, cdp, offHost, problems, requests };
}

/** The package's frame, once it has navigated to `path`. */
export async function packageFrame(page, path, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(path));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`the package frame (${path}) did not load within ${timeout / 1000} s`);
    await page.waitForTimeout(50);
  }
}

export function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
