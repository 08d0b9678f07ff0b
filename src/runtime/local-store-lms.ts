/**
 * The LMS the module brings along for when there is none (the unpacked folder opened from
 * file://, a plain web server): scorm-again's run-time API in this window, its data kept in
 * localStorage under one key per lesson and version, so the rest of the module talks to it exactly
 * as to Moodle.
 *
 * scorm-again with no commit URL accepts every commit and keeps data in memory only; the API
 * installed here wraps it so that a commit (and the final one at LMSFinish/Terminate) also writes
 * the data to localStorage, and reports a failure (error 101) when the browser refuses to store.
 *
 * scorm-again is not imported here: each package carries only its own version's API (its bundle
 * entry, local-lms-scorm12.ts or local-lms-scorm2004.ts, passes the constructor in), which keeps
 * the other version's 300 KB out of the zip.
 */
import type { ScormDialect, ScormVersion } from './dialect.js';
import { DIALECTS, parseVersion } from './vocabulary/index.js';
import type { StorageLike } from './outbox.js';

/** What `local-lms.js` defines on the window (see src/runtime/local-lms.ts). */
export interface LocalLmsGlobal {
  /** Install `window.API` (1.2) or `window.API_1484_11` (2004) backed by localStorage under
   * `storageKey`. True when an API of that version is in place afterwards. */
  install(version: string, storageKey: string): boolean;
}

declare global {
  interface Window {
    PropagandaReaderLocalLms?: LocalLmsGlobal;
  }
}

/** The learner id the local LMS reports (also names the outbox key). */
export const LOCAL_LEARNER_ID = 'local';

export function localLmsKey(lessonId: string, version: ScormVersion): string {
  return `pr-local-lms:${lessonId}:${version}`;
}

/** The part of a scorm-again API object (Scorm12API or Scorm2004API) the installer uses. */
export interface AgainApi {
  loadFromJSON(json: Record<string, unknown>, element?: string): void;
  renderCMIToJSONObject(): Record<string, unknown>;
}

/** Settings for scorm-again: no commit URL (data stays in memory until we persist it). */
export const LOCAL_LMS_SETTINGS = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const;

/** Makes a fresh scorm-again API of one version, e.g. `(s) => new Scorm12API(s)`. */
export type AgainApiFactory = (settings: typeof LOCAL_LMS_SETTINGS) => AgainApi;

/** A fresh API from `create`, with its own copy of the settings (scorm-again keeps the object). */
const fresh = (create: AgainApiFactory): AgainApi => create({ ...LOCAL_LMS_SETTINGS });

const GENERAL_EXCEPTION = '101';

function readStored(storage: StorageLike | null, key: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A scorm-again API loaded with what the previous launch stored (or a fresh learner). */
function loaded(dialect: ScormDialect, create: AgainApiFactory, storage: StorageLike | null, key: string): AgainApi {
  const stored = readStored(storage, key);
  if (stored !== null) {
    try {
      const api = fresh(create);
      api.loadFromJSON(dialect.localLms.relaunch(stored));
      return api;
    } catch {
      // Stored data scorm-again refuses (hand-edited, another version): start afresh.
    }
  }
  const api = fresh(create);
  api.loadFromJSON(dialect.localLms.seed({ id: LOCAL_LEARNER_ID, name: '' }));
  return api;
}

/** The API object to expose: every function forwarded, commit and terminate also persisting. */
function persisting(dialect: ScormDialect, api: AgainApi, storage: StorageLike | null, key: string): object {
  const names = dialect.functions;
  const target = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  let storageError = false;
  const persist = (): boolean => {
    try {
      const cmi = api.renderCMIToJSONObject().cmi;
      storage?.setItem(key, JSON.stringify(cmi));
      return storage !== null;
    } catch {
      return false;
    }
  };
  const forward =
    (name: string) =>
    (...args: unknown[]): unknown => {
      storageError = false;
      return target[name]?.(...args);
    };
  const storing =
    (name: string) =>
    (...args: unknown[]): unknown => {
      storageError = false;
      const result = target[name]?.(...args);
      if (String(result) !== 'true') return result;
      storageError = !persist();
      return storageError ? 'false' : result;
    };
  const wrapper: Record<string, unknown> = {};
  for (const name of Object.values(names)) wrapper[name] = forward(name);
  wrapper[names.commit] = storing(names.commit);
  wrapper[names.terminate] = storing(names.terminate);
  wrapper[names.getLastError] = (): unknown =>
    storageError ? GENERAL_EXCEPTION : target[names.getLastError]?.();
  // Tests and the preview may want the underlying scorm-again object.
  wrapper.scormAgain = api;
  return wrapper;
}

/** The window's localStorage, or null when the browser denies it (some file:// settings). */
export function windowStorage(win: Window): StorageLike | null {
  try {
    return win.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Install the local LMS of `version` on `win` (unless an API of that version is already there),
 * its scorm-again API made by `create` (which must make an API of that version).
 * True when `win` then offers an API of that version.
 */
export function installLocalLms(version: ScormVersion, storageKey: string, win: Window, create: AgainApiFactory): boolean {
  const dialect = DIALECTS[version];
  const slot = win as unknown as Record<string, unknown>;
  if (dialect.bind(slot[dialect.apiName]) !== null) return true;
  const storage = windowStorage(win);
  try {
    slot[dialect.apiName] = persisting(dialect, loaded(dialect, create, storage, storageKey), storage, storageKey);
  } catch {
    return false;
  }
  return dialect.bind(slot[dialect.apiName]) !== null;
}

/**
 * What a local-lms bundle entry does: define `window.PropagandaReaderLocalLms`, able to install the
 * versions it has a factory for. Asked for another version (a package whose page names a version
 * its local-lms.js was not built for), `install` answers false and the app keeps its work in the
 * outbox.
 */
export function defineLocalLms(win: Window, factories: Partial<Record<ScormVersion, AgainApiFactory>>): void {
  win.PropagandaReaderLocalLms = {
    install(version, storageKey) {
      const parsed = parseVersion(version);
      const create = parsed === null ? undefined : factories[parsed];
      return parsed !== null && create !== undefined && typeof storageKey === 'string' && installLocalLms(parsed, storageKey, win, create);
    },
  };
}
