/** The two dialects, looked up by version (a table, so no code branches on the version). */
import type { ScormDialect, ScormVersion } from '../dialect.js';
import { scorm12 } from './scorm12.js';
import { scorm2004 } from './scorm2004.js';

export { scorm12, scorm2004 };

export const DIALECTS: Readonly<Record<ScormVersion, ScormDialect>> = { '1.2': scorm12, '2004': scorm2004 };

/** The preferred version's dialect first, then the other one. */
export function dialectsInOrder(preferred: ScormVersion): ScormDialect[] {
  const first = DIALECTS[preferred];
  return [first, ...Object.values(DIALECTS).filter((dialect) => dialect !== first)];
}

/** '1.2' or '2004' from a string such as `<html data-scorm-version>`; null for anything else. */
export function parseVersion(raw: string | null | undefined): ScormVersion | null {
  const value = raw?.trim();
  return value !== undefined && Object.prototype.hasOwnProperty.call(DIALECTS, value) ? (value as ScormVersion) : null;
}
