/**
 * The browser the e2e tests drive: Debian's Chromium through playwright-core (never a downloaded
 * browser). Found from CHROMIUM_PATH, then `which chromium`, then /usr/bin/chromium. When none is
 * found the e2e files skip themselves (`describe.skipIf(noChromium)`) and this module says so
 * loudly: a silent skip would read as a pass.
 *
 * Also here: what every e2e test watches on a page (console errors, uncaught errors, CSP
 * violations, failed requests), and how to find what has keyboard focus through shadow roots.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';

/** The flags the brief prescribes: headless, no sandbox (containers), nothing phoning home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

function executable(path: string | undefined | null): string | null {
  if (!path) return null;
  try {
    accessSync(path, constants.X_OK);
    return realpathSync(path);
  } catch {
    return null;
  }
}

function which(name: string): string | null {
  try {
    return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/** The Chromium to drive, or null when this machine has none: $CHROMIUM_PATH, then the command on
 * the PATH, then Debian's usual place. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, command = 'chromium', fallback = '/usr/bin/chromium'): string | null {
  return executable(env.CHROMIUM_PATH) ?? executable(which(command)) ?? executable(fallback);
}

export const chromiumPath = findChromium();
export const noChromium = chromiumPath === null;

export const SKIP_BANNER = [
  '',
  '='.repeat(78),
  'BROWSER TESTS SKIPPED: no Chromium found — apt-get install chromium',
  '(looked at $CHROMIUM_PATH, `which chromium` and /usr/bin/chromium)',
  '='.repeat(78),
  '',
].join('\n');

if (noChromium) console.warn(SKIP_BANNER);

/** Every wait in the e2e tests is bounded by one of these (the 2-core machine is often busy). */
/** A test's own limit unless it sets a longer one (the suite's default, 20 s, is for unit tests;
 * a browser step on a busy 2-core machine can take several seconds). */
export const TEST_TIMEOUT_MS = 120_000;

export const TIMEOUT = {
  /** A page's first render, a navigation. */
  load: 30_000,
  /** An element appearing after an action. */
  action: 10_000,
} as const;

export async function launch(): Promise<Browser> {
  if (!chromiumPath) throw new Error(SKIP_BANNER);
  return chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_FLAGS], timeout: TIMEOUT.load });
}

/** A browser with a profile on disk (what file:// storage needs to outlive the browser). */
export async function launchPersistent(userDataDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  if (!chromiumPath) throw new Error(SKIP_BANNER);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: [...CHROMIUM_FLAGS],
    timeout: TIMEOUT.load,
    ...options,
  });
}

/** Something a page did that a clean run never does. */
export interface Problem {
  kind: 'console-error' | 'page-error' | 'csp-violation' | 'request-failed' | 'http-error';
  text: string;
}

declare global {
  interface Window {
    __e2eCsp?: (report: string) => void;
  }
}

/**
 * Watch a context's pages (every frame) for console errors and warnings about security,
 * uncaught exceptions, CSP violations (the `securitypolicyviolation` event, registered by an
 * init script, which CSP does not apply to) and failed or 4xx/5xx requests. Also bounds every
 * wait in the context: no Playwright call waits longer than TIMEOUT.
 */
export async function watch(context: BrowserContext): Promise<Problem[]> {
  context.setDefaultTimeout(TIMEOUT.action);
  context.setDefaultNavigationTimeout(TIMEOUT.load);
  const problems: Problem[] = [];
  await context.exposeBinding('__e2eCsp', ({ frame }, report: string) => {
    problems.push({ kind: 'csp-violation', text: `${frame.url()}: ${report}` });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`;
      void window.__e2eCsp?.(report);
    });
  });
  const onPage = (page: Page) => {
    page.on('console', (msg: ConsoleMessage) => {
      const text = msg.text();
      if (msg.type() === 'error' || /Content.Security.Policy/i.test(text)) {
        problems.push({ kind: 'console-error', text: `${msg.location().url}: ${text}` });
      }
    });
    page.on('pageerror', (error) => problems.push({ kind: 'page-error', text: error.stack ?? error.message }));
    page.on('requestfailed', (request) => {
      // A page closed or navigated mid-request aborts it: not a fault of the package.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push({ kind: 'request-failed', text: `${request.url()}: ${request.failure()?.errorText}` });
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push({ kind: 'http-error', text: `${response.status()} ${response.url()}` });
    });
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
  return problems;
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.kind}: ${p.text}`).join('\n');
}

/** What has keyboard focus, looked up through open shadow roots, as plain data. */
export interface Focused {
  tag: string;
  testid: string | null;
  /** The question the element belongs to (the section[data-question-id] around it). */
  question: string | null;
  type: string | null;
  value: string | null;
  role: string | null;
  label: string | null;
  /** data-index of a highlight word. */
  index: number | null;
  disabled: boolean;
  checked: boolean;
  /** A number unique to the element within the page's life (tells two alike elements apart). */
  uid: number;
  /** Elements on the way down: shadow hosts, outermost first (e.g. "pr-reader > pr-segment"). */
  hosts: string;
}

/** Runs in the page: the focused element's description (for `Page.evaluate`). */
export function focusedInPage(): Focused | null {
  const hosts: string[] = [];
  let a: Element | null = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) {
    hosts.push(a.tagName.toLowerCase());
    a = a.shadowRoot.activeElement;
  }
  if (!a || a === document.body) {
    return a ? { tag: 'body', testid: null, question: null, type: null, value: null, role: null, label: null, index: null, disabled: false, checked: false, uid: 0, hosts: '' } : null;
  }
  const el = a as HTMLElement & { value?: string; type?: string; disabled?: boolean; checked?: boolean };
  const w = window as unknown as { __e2eIds?: WeakMap<Element, number>; __e2eNext?: number };
  w.__e2eIds ??= new WeakMap();
  if (!w.__e2eIds.has(el)) w.__e2eIds.set(el, (w.__e2eNext = (w.__e2eNext ?? 0) + 1));
  const question = el.closest('[data-question-id]')?.getAttribute('data-question-id') ?? null;
  return {
    tag: el.tagName.toLowerCase(),
    testid: el.getAttribute('data-testid'),
    question,
    type: el.getAttribute('type'),
    value: typeof el.value === 'string' ? el.value : null,
    role: el.getAttribute('role'),
    label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? null,
    index: el.dataset.index !== undefined ? Number(el.dataset.index) : null,
    disabled: el.disabled === true,
    checked: el.checked === true,
    uid: w.__e2eIds.get(el)!,
    hosts: hosts.join(' > '),
  };
}

export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(focusedInPage);
}

export function show(f: Focused | null): string {
  if (!f) return '(nothing)';
  const label = f.label && f.label.length > 30 ? `${f.label.slice(0, 30)}…` : f.label;
  return [f.hosts, f.tag, f.testid && `[${f.testid}]`, f.question && `in ${f.question}`, f.type, f.value && `=${f.value}`, f.index !== null && `#${f.index}`, label && `"${label}"`]
    .filter(Boolean)
    .join(' ');
}
