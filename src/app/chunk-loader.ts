/**
 * The loader for app.js and the parts of the app loaded when first needed (the question types, the
 * results page, the saved-state codec). Rollup writes them as AMD modules (rollup.config.mjs:
 * `bundleApp`) whose `define` is renamed to `__prDefine`, so that an LMS page's own RequireJS never
 * sees them; this file, bundled on its own and put at the top of app.js, is that define. Chunks
 * load as classic <script> elements, next to app.js: they work from file:// and under the package's
 * strict CSP (script-src 'self'), where module scripts and fetch() would not.
 *
 * `define(id, deps, factory)`: deps are 'require', 'exports' or './<chunk>'. The module 'app' is
 * the entry: it runs as soon as it is defined.
 */
type Factory = (...deps: unknown[]) => void;
type Exports = Record<string, unknown>;
type LocalRequire = (deps: string[], resolve: (...modules: Exports[]) => void, reject: (error: unknown) => void) => void;

interface Definition {
  deps: string[];
  factory: Factory;
}

const ENTRY = 'app';
const DEFINE_GLOBAL = '__prDefine';

function install(win: Window): void {
  const globals = win as unknown as Record<string, unknown>;
  if (typeof globals[DEFINE_GLOBAL] === 'function') return;
  const doc = win.document;
  const current = doc.currentScript as HTMLScriptElement | null;
  // Chunks sit next to app.js, wherever the LMS serves the package from.
  const base = current?.src ? current.src.slice(0, current.src.lastIndexOf('/') + 1) : '';

  const defined = new Map<string, Definition>();
  const arrived = new Map<string, Promise<void>>();
  const instances = new Map<string, Promise<Exports>>();
  /** Exports of modules still running their dependencies: a cycle gets the (filling) object. */
  const pending = new Map<string, Exports>();

  const nameOf = (dep: string) => dep.replace(/^\.\//, '').replace(/\.js$/, '');

  const fetchChunk = (name: string): Promise<void> => {
    if (defined.has(name)) return Promise.resolve();
    let request = arrived.get(name);
    if (!request) {
      request = new Promise<void>((resolve, reject) => {
        const script = doc.createElement('script');
        script.src = `${base}${name}.js`;
        script.async = true;
        script.addEventListener('load', () => (defined.has(name) ? resolve() : reject(new Error(`${name}.js defines no module ${name}`))), { once: true });
        script.addEventListener('error', () => reject(new Error(`${name}.js could not be loaded`)), { once: true });
        doc.head.append(script);
      });
      arrived.set(name, request);
      // A chunk that failed (a dropped connection) may be asked for again.
      request.catch(() => arrived.delete(name));
    }
    return request;
  };

  const localRequire: LocalRequire = (deps, resolve, reject) => {
    Promise.all(deps.map((d) => instance(nameOf(d)))).then((modules) => resolve(...modules), reject);
  };

  const instance = (name: string): Promise<Exports> => {
    const cycle = pending.get(name);
    if (cycle) return Promise.resolve(cycle);
    let made = instances.get(name);
    if (!made) {
      made = fetchChunk(name).then(async () => {
        const { deps, factory } = defined.get(name)!;
        const exports: Exports = {};
        pending.set(name, exports);
        try {
          const args = await Promise.all(deps.map((d) => (d === 'exports' ? exports : d === 'require' ? localRequire : instance(nameOf(d)))));
          factory(...args);
        } finally {
          pending.delete(name);
        }
        return exports;
      });
      instances.set(name, made);
      made.catch(() => instances.delete(name));
    }
    return made;
  };

  globals[DEFINE_GLOBAL] = (name: string, deps: string[], factory: Factory) => {
    if (defined.has(name)) return;
    defined.set(name, { deps, factory });
    if (name === ENTRY) {
      instance(ENTRY).catch((error: unknown) => {
        // The page shows nothing without the app: say so where the student looks.
        const p = doc.createElement('p');
        p.setAttribute('role', 'alert');
        p.textContent = `The lesson could not start: ${error instanceof Error ? error.message : String(error)}`;
        doc.body?.prepend(p);
      });
    }
  };
}

if (typeof window !== 'undefined') install(window);

// A module (for the tests that import it), though it exports nothing: it installs a global.
export {};
