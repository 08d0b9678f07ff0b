// @vitest-environment jsdom
/**
 * The two loaders of a package's lazily loaded parts, in jsdom with a stand-in "network": every
 * <script> the loader appends is answered by running what that file would do (or by an error),
 * then its load/error event. The real files in a real browser: test/e2e (file:// included).
 *  - page-loader: a page's content script, requested once, checked, retried after a failure;
 *  - chunk-loader: app.js's AMD chunks (define renamed to __prDefine), the entry run on arrival.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptPageLoader } from '../../src/app/page-loader.js';
import { PAGES_GLOBAL, withPage } from '../../src/model/pages.js';
import { splitLesson } from '../../src/packager/split.js';
import { fixtureLesson } from '../components/fixture-lesson.js';

type Serve = (src: string) => 'load' | 'error';
let serve: Serve;
const requested: string[] = [];
let observer: MutationObserver;

beforeEach(() => {
  requested.length = 0;
  observer = new MutationObserver((records) => {
    for (const r of records)
      for (const node of r.addedNodes) {
        if (!(node instanceof HTMLScriptElement)) continue;
        const src = node.getAttribute('src')!;
        requested.push(src);
        setTimeout(() => node.dispatchEvent(new Event(serve(src))), 0);
      }
  });
  observer.observe(document.head, { childList: true });
});
afterEach(() => {
  observer.disconnect();
  document.head.replaceChildren();
  delete (window as unknown as Record<string, unknown>)[PAGES_GLOBAL];
});

describe('page-loader', () => {
  const { outline, pages } = splitLesson(fixtureLesson());
  const register = (page: string, value: unknown) => {
    const w = window as unknown as Record<string, Record<string, unknown>>;
    (w[PAGES_GLOBAL] ??= {})[page] = value;
  };
  const content = (page: string) => pages.find((p) => p.page === page)!;

  it('loads a page\'s script once and hands back its content', async () => {
    serve = (src) => {
      const page = src.replace(/^pages\/|\.js$/g, '');
      register(page, JSON.parse(JSON.stringify(content(page))));
      return 'load';
    };
    const load = scriptPageLoader(window);
    const [got] = await load(outline, 's01_occasion');
    expect(got).toEqual(JSON.parse(JSON.stringify(content('s01_occasion'))));
    await load(outline, 's01_occasion');
    expect(requested).toEqual(['pages/s01_occasion.js']);
    expect(await load(withPage(outline, got!), 's01_occasion')).toEqual([]);
  });

  it('asks for every page for the results', async () => {
    serve = (src) => (register(src.replace(/^pages\/|\.js$/g, ''), JSON.parse(JSON.stringify(content(src.replace(/^pages\/|\.js$/g, ''))))), 'load');
    const got = await scriptPageLoader(window)(outline, 'results');
    expect(got.map((c) => c.page).sort()).toEqual(pages.map((p) => p.page).sort());
  });

  it('rejects naming the file when it cannot be loaded, and tries again next time', async () => {
    serve = () => 'error';
    const load = scriptPageLoader(window);
    await expect(load(outline, 's01_occasion')).rejects.toThrow('pages/s01_occasion.js could not be loaded');
    serve = () => (register('s01_occasion', JSON.parse(JSON.stringify(content('s01_occasion')))), 'load');
    await expect(load(outline, 's01_occasion')).resolves.toHaveLength(1);
    expect(requested).toEqual(['pages/s01_occasion.js', 'pages/s01_occasion.js']);
  });

  it('rejects a script that holds something else than the page', async () => {
    serve = () => (register('s01_occasion', { page: 's01_occasion', questions: 'not a list' }), 'load');
    await expect(scriptPageLoader(window)(outline, 's01_occasion')).rejects.toThrow('pages/s01_occasion.js does not hold the page s01_occasion');
  });
});

describe('chunk-loader', () => {
  type Define = (name: string, deps: string[], factory: (...args: unknown[]) => void) => void;
  const define = () => (window as unknown as { __prDefine: Define }).__prDefine;

  beforeEach(async () => {
    delete (window as unknown as Record<string, unknown>).__prDefine;
    vi.resetModules();
    await import('../../src/app/chunk-loader.js');
  });

  it('runs the entry once its static chunks have arrived, and loads a lazy chunk on demand', async () => {
    const log: string[] = [];
    const files: Record<string, () => void> = {
      'app-shared.js': () => define()('app-shared', ['exports'], (exports) => void ((exports as Record<string, unknown>).hello = () => 'hello')),
      'app-results.js': () =>
        define()('app-results', ['exports', './app-shared'], (exports, shared) => {
          log.push('results ran');
          (exports as Record<string, unknown>).greet = () => `${(shared as { hello: () => string }).hello()} from results`;
        }),
    };
    serve = (src) => (files[src] ? (files[src](), 'load') : 'error');
    const lazy = new Promise<string>((resolve, reject) => {
      define()('app', ['require', 'exports', './app-shared'], (require, _exports, shared) => {
        log.push(`app ran with ${(shared as { hello: () => string }).hello()}`);
        (require as (d: string[], ok: (m: { greet: () => string }) => void, ko: (e: unknown) => void) => void)(['./app-results'], (m) => resolve(m.greet()), reject);
      });
    });
    await expect(lazy).resolves.toBe('hello from results');
    expect(log).toEqual(['app ran with hello', 'results ran']);
    expect(requested).toEqual(['app-shared.js', 'app-results.js']);
  });

  it('rejects a lazy import whose chunk cannot be loaded, and loads it when asked again', async () => {
    let online = false;
    serve = (src) => (online && src === 'app-late.js' ? (define()('app-late', ['exports'], (e) => void ((e as Record<string, unknown>).ok = true)), 'load') : 'error');
    const req = await new Promise<(d: string[], ok: (m: unknown) => void, ko: (e: unknown) => void) => void>((resolve) =>
      define()('app', ['require', 'exports'], (require) => resolve(require as never)),
    );
    await expect(new Promise((ok, ko) => req(['./app-late'], ok, ko))).rejects.toThrow('app-late.js could not be loaded');
    online = true;
    await expect(new Promise((ok, ko) => req(['./app-late'], ok, ko))).resolves.toEqual({ ok: true });
  });

  it('says on the page when the app cannot start because a chunk is missing', async () => {
    serve = () => 'error';
    define()('app', ['exports', './app-gone'], () => {});
    await new Promise((r) => setTimeout(r, 10));
    expect(document.body.querySelector('[role=alert]')?.textContent).toBe('The lesson could not start: app-gone.js could not be loaded');
  });
});
