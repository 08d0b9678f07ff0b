/**
 * Finding the LMS's API object, after ADL's algorithm (SCORM RTE 3.3.6.1) with Moodle's bounds:
 * the window itself, then up to 7 parents, then the opener and up to 7 of its parents. Each step
 * sits in its own try/catch: reading a property of a frame from another origin throws a
 * SecurityError, and the walk must go on past it (Moodle serves content from another path, some
 * LMSs from another host).
 */
import type { ScormDialect, ScormPort, ScormVersion } from './dialect.js';
import { dialectsInOrder } from './vocabulary/index.js';

export const MAX_PARENTS = 7;

export interface FoundApi {
  dialect: ScormDialect;
  port: ScormPort;
  /** The window that holds the API. */
  host: Window;
}

function read<T>(get: () => T): T | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}

/** `start` and its parents (at most `MAX_PARENTS` of them), nearest first. */
function* withParents(start: Window): Generator<Window> {
  let current: Window = start;
  yield current;
  for (let step = 0; step < MAX_PARENTS; step += 1) {
    const parent = read(() => current.parent);
    if (parent === null || parent === current) return;
    current = parent;
    yield current;
  }
}

/** Every window the search visits, in order: own chain, then the opener's chain. */
export function* searchChain(win: Window): Generator<Window> {
  yield* withParents(win);
  const opener = read(() => win.opener as Window | null);
  if (opener !== null && opener !== win) yield* withParents(opener);
}

/** An API the page found and already called Initialize on (src/app/opening.ts), and what that
 * call answered. */
export interface OpenedApi {
  found: FoundApi;
  initialized: boolean;
}

/**
 * The found API as the tracker should see it when the page has already called Initialize on it:
 * its first initialize() answers what that call answered without calling the LMS again (a second
 * Initialize is an error: 101 in SCORM 1.2, 103 in 2004); later ones go to the LMS.
 */
export function adoptOpened({ found, initialized }: OpenedApi): FoundApi {
  let answered = false;
  const initialize = () => {
    if (answered) return found.port.initialize();
    answered = true;
    return initialized;
  };
  return { ...found, port: { ...found.port, initialize } };
}

/** The API of `dialect`'s version in `win`, or null (also when reading it throws). */
export function apiIn(win: Window, dialect: ScormDialect): ScormPort | null {
  const candidate = read(() => (win as unknown as Record<string, unknown>)[dialect.apiName]);
  return candidate === null ? null : read(() => dialect.bind(candidate));
}

/**
 * The LMS's API: the preferred version anywhere in the chain first (the version the package was
 * built for), then the other version; null when there is none.
 */
export function findApi(win: Window, preferred: ScormVersion): FoundApi | null {
  for (const dialect of dialectsInOrder(preferred)) {
    for (const host of searchChain(win)) {
      const port = apiIn(host, dialect);
      if (port !== null) return { dialect, port, host };
    }
  }
  return null;
}
