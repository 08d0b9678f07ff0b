/**
 * A `ScormPort` over an API object found in a frame: calls the version's functions by name,
 * turns SCORM's string booleans into booleans and any exception an LMS throws into a failure
 * with error code 101 (general exception), so nothing the LMS does can crash the lesson.
 */
import type { ScormPort } from './dialect.js';

export interface ApiFunctionNames {
  initialize: string;
  terminate: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
  getDiagnostic: string;
}

const GENERAL_EXCEPTION = 101;

type AnyFunction = (...args: unknown[]) => unknown;

/** The object's function `name`, or null (property access itself may throw on a hostile object). */
function method(api: unknown, name: string): AnyFunction | null {
  try {
    const candidate = (api as Record<string, unknown>)[name];
    return typeof candidate === 'function' ? (candidate as AnyFunction) : null;
  } catch {
    return null;
  }
}

/** Whether `api` has every function in `names`. */
export function hasFunctions(api: unknown, names: ApiFunctionNames): boolean {
  if (api === null || (typeof api !== 'object' && typeof api !== 'function')) return false;
  return Object.values(names).every((name) => method(api, name) !== null);
}

export function bindPort(api: unknown, names: ApiFunctionNames): ScormPort | null {
  if (!hasFunctions(api, names)) return null;
  /** Set when the last call threw, so lastError() reports a failure the API could not. */
  let thrown = 0;
  const call = (name: string, ...args: unknown[]): unknown => {
    thrown = 0;
    try {
      return method(api, name)?.apply(api, args);
    } catch {
      thrown = GENERAL_EXCEPTION;
      return undefined;
    }
  };
  const lastError = (): number => {
    if (thrown !== 0) return thrown;
    try {
      const code = parseInt(String(method(api, names.getLastError)?.call(api)), 10);
      return Number.isFinite(code) && code >= 0 ? code : GENERAL_EXCEPTION;
    } catch {
      return GENERAL_EXCEPTION;
    }
  };
  const isTrue = (value: unknown): boolean => value === true || String(value) === 'true';
  /** A call succeeds when it says so and GetLastError agrees (checked after every call). */
  const succeeded = (value: unknown): boolean => isTrue(value) && lastError() === 0;

  return {
    initialize: () => succeeded(call(names.initialize, '')),
    terminate: () => succeeded(call(names.terminate, '')),
    getValue(element) {
      const value = call(names.getValue, element);
      if (lastError() !== 0 || value === undefined || value === null) return null;
      return String(value);
    },
    setValue: (element, value) => succeeded(call(names.setValue, element, value)),
    commit: () => succeeded(call(names.commit, '')),
    lastError,
    errorString(code) {
      const text = call(names.getErrorString, String(code));
      return typeof text === 'string' ? text : '';
    },
    diagnostic(code) {
      const text = call(names.getDiagnostic, String(code));
      return typeof text === 'string' ? text : '';
    },
  };
}
