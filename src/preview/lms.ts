/**
 * The preview host's LMS: scorm-again's Scorm12API or Scorm2004API, loaded with a launch's data,
 * behind a thin wrapper that the package finds as window.API / window.API_1484_11. The wrapper
 * records every call (method, element, value, return, error code, time), can make the LMS slow or
 * failing the way a real server is (Moodle's commit is a synchronous request: a slow server blocks
 * the page), and hands committed data to whoever persists it.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { element, launchData, toStored, type CmiTree, type LaunchKind, type ManifestLaunchData, type ScormVersion, type StoredAttempt } from './cmi.js';

/** How the simulated LMS server answers commits and finish. */
export const SERVER_BEHAVIOURS = ['normal', 'slow', 'failing'] as const;
export type ServerBehaviour = (typeof SERVER_BEHAVIOURS)[number];

/** How long a "slow" server holds a commit (the synchronous round trip blocks the page). */
export const SLOW_COMMIT_MS = 200;

export interface ApiCall {
  seq: number;
  method: string;
  /** The data model element of GetValue/SetValue. */
  element: string | null;
  /** SetValue's value, or the single argument of the other calls (none for GetLastError). */
  value: string | null;
  returned: string;
  /** The error code after the call ("0" when none). */
  error: string;
  /** ms since the launch. */
  at: number;
  /** How long the call took, ms (a slow server shows here). */
  duration: number;
  /** What the LMS did besides answering (simulated failure, status rule, not stored). */
  note: string | null;
}

export type LmsState = 'not-initialized' | 'running' | 'terminated';

/** The methods a SCO calls, per version, in the order the spec lists them. */
export const API_METHODS = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
} as const;

type ApiMethod = (typeof API_METHODS)[ScormVersion][number];
export type ScormApi = Record<string, (...args: string[]) => string>;

const ERROR_QUERIES = new Set<string>(['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic', 'GetLastError', 'GetErrorString', 'GetDiagnostic']);
const COMMITS = new Set<string>(['LMSCommit', 'Commit']);
const FINISHES = new Set<string>(['LMSFinish', 'Terminate']);

/** Error codes a failing server produces: 1.2 has only "general exception"; 2004 names both. */
const FAILURE_CODE: Record<ScormVersion, { commit: string; finish: string }> = {
  '1.2': { commit: '101', finish: '101' },
  '2004': { commit: '391', finish: '111' },
};

export interface PreviewLmsOptions {
  version: ScormVersion;
  kind: LaunchKind;
  stored: StoredAttempt | null;
  manifest: ManifestLaunchData;
  behaviour?: ServerBehaviour;
  /** Clock for call times; performance.now in the browser. */
  now?: () => number;
  /** Wall clock for savedAt. */
  wallClock?: () => number;
}

export interface PreviewLms {
  readonly version: ScormVersion;
  readonly kind: LaunchKind;
  readonly entry: 'ab-initio' | 'resume';
  readonly mode: 'normal' | 'review';
  /** Launch remarks for the author (e.g. data Moodle would not have reloaded). */
  readonly warnings: string[];
  /** The object to install as window.API (1.2) or window.API_1484_11 (2004). */
  readonly api: ScormApi;
  behaviour: ServerBehaviour;
  readonly state: LmsState;
  readonly calls: readonly ApiCall[];
  /** Every element the LMS holds now, committed or not. */
  current(): CmiTree;
  /** Called after every API call. */
  onCall(listener: (call: ApiCall) => void): void;
  /** Called with the data the LMS stored, after each successful commit or finish (not in review). */
  onStore(listener: (stored: StoredAttempt) => void): void;
}

function busyWait(ms: number, now: () => number): void {
  const end = now() + ms;
  // A synchronous XMLHttpRequest blocks exactly like this: the page can do nothing meanwhile.
  while (now() < end) {
    /* waiting for the simulated server */
  }
}

export function createPreviewLms(options: PreviewLmsOptions): PreviewLms {
  const { version, kind, stored, manifest } = options;
  const now = options.now ?? (() => performance.now());
  const wallClock = options.wallClock ?? (() => Date.now());
  const launch = launchData(version, kind, stored, manifest);
  // Moodle's 1.2 rules at LMSFinish: "not attempted" becomes "completed", and a mastery score
  // with a raw score decides passed/failed. scorm-again applies the same two with these settings.
  const settings = { autocommit: false, logLevel: 5 as const, mastery_override: true, autoCompleteLessonStatus: true };
  const real = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  real.loadFromJSON(launch.json);
  const target = real as unknown as ScormApi;
  const started = now();
  const calls: ApiCall[] = [];
  const callListeners: ((call: ApiCall) => void)[] = [];
  const storeListeners: ((stored: StoredAttempt) => void)[] = [];
  let state: LmsState = 'not-initialized';
  /** Error a simulated failure left for the next GetLastError (the real API knows nothing of it). */
  let simulatedError: string | null = null;
  let seq = 0;
  const behaviourRef: { value: ServerBehaviour } = { value: options.behaviour ?? 'normal' };

  const lastError = (): string => (version === '1.2' ? target.LMSGetLastError!() : target.GetLastError!());

  function committed(terminate: boolean): CmiTree {
    const rendered = real.renderCommitCMI(terminate, true) as { cmi?: CmiTree };
    return rendered.cmi ?? {};
  }

  function store(terminate: boolean): string | null {
    if (launch.mode === 'review') return 'review mode: the LMS does not store this';
    const data = toStored(version, committed(terminate), wallClock());
    for (const listener of storeListeners) listener(data);
    return null;
  }

  function record(call: Omit<ApiCall, 'seq'>): void {
    const full = { ...call, seq: ++seq };
    calls.push(full);
    for (const listener of callListeners) listener(full);
  }

  function invoke(method: ApiMethod, args: string[]): string {
    const t0 = now();
    const elementArg = method.endsWith('GetValue') || method.endsWith('SetValue') ? String(args[0] ?? '') : null;
    // The one argument of Initialize/Commit/Finish ("" by the spec) and of the error queries
    // (the code) is shown as the value; GetValue has only an element; GetLastError nothing.
    const valueArg = method.endsWith('SetValue') ? String(args[1] ?? '') : method.endsWith('GetValue') || method.endsWith('GetLastError') ? null : String(args[0] ?? '');
    let returned: string;
    let error: string;
    let note: string | null = null;
    const isCommit = COMMITS.has(method);
    const isFinish = FINISHES.has(method);
    if (ERROR_QUERIES.has(method) && simulatedError !== null) {
      returned = method.endsWith('GetLastError') ? simulatedError : String(target[method]!(...args));
      error = simulatedError;
    } else if ((isCommit || isFinish) && state === 'running' && behaviourRef.value !== 'normal') {
      busyWait(behaviourRef.value === 'slow' ? SLOW_COMMIT_MS : 0, now);
      if (behaviourRef.value === 'failing') {
        simulatedError = isCommit ? FAILURE_CODE[version].commit : FAILURE_CODE[version].finish;
        returned = 'false';
        error = simulatedError;
        note = 'simulated server failure: nothing stored';
      } else {
        ({ returned, error, note } = forward(method, args, isCommit, isFinish));
        note = `slow server (${SLOW_COMMIT_MS} ms)${note ? `; ${note}` : ''}`;
      }
    } else {
      ({ returned, error, note } = forward(method, args, isCommit, isFinish));
    }
    record({ method, element: elementArg, value: valueArg, returned, error, at: t0 - started, duration: now() - t0, note });
    return returned;
  }

  function forward(method: ApiMethod, args: string[], isCommit: boolean, isFinish: boolean): { returned: string; error: string; note: string | null } {
    if (!ERROR_QUERIES.has(method)) simulatedError = null;
    const statusBefore = isFinish ? element(version, real.renderCMIToJSONObject().cmi as CmiTree, 'status') : '';
    const returned = String(target[method]!(...args));
    const error = lastError();
    let note: string | null = null;
    if (returned === 'true' && method.endsWith('Initialize')) state = 'running';
    if (returned === 'true' && (isCommit || isFinish)) {
      if (isFinish) {
        state = 'terminated';
        const after = committed(true);
        const statusAfter = element(version, after, 'status');
        if (statusAfter !== statusBefore) note = `LMS rule at finish: status "${statusBefore}" → "${statusAfter}"`;
      }
      const skipped = store(isFinish);
      if (skipped) note = note ? `${note}; ${skipped}` : skipped;
    }
    return { returned, error, note };
  }

  const api: ScormApi = {};
  for (const method of API_METHODS[version]) api[method] = (...args: string[]) => invoke(method, args);

  return {
    version,
    kind,
    entry: launch.entry,
    mode: launch.mode,
    warnings: launch.warnings,
    api,
    get behaviour() {
      return behaviourRef.value;
    },
    set behaviour(value: ServerBehaviour) {
      behaviourRef.value = value;
    },
    get state() {
      return state;
    },
    calls,
    current: () => committed(false),
    onCall: (listener) => void callListeners.push(listener),
    onStore: (listener) => void storeListeners.push(listener),
  };
}
