/**
 * Identifier rules. Ids reach the LMS (interaction and objective ids, choice and matching
 * responses), so they are restricted to what every target accepts: SCORM 2004 in Moodle rejects
 * hyphens in choice/matching ids, SCORM 1.2 forbids spaces and caps identifiers at 255 characters.
 */

/** Ids inside a lesson: lowercase letters, digits and "_", starting with a letter. */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** The lesson id names files and folders only, so it may also contain "-". */
export const LESSON_ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** SCORM 1.2 identifier limit (cmi.interactions.n.id, cmi.objectives.n.id). */
export const MAX_ID_LENGTH = 255;

/** Ids the runtime uses itself: a lesson must not claim them (pages and LMS objectives). */
export const RESERVED_IDS: readonly string[] = [
  'intro',
  'pre',
  'post',
  'synthesis',
  'results',
  'pre_check',
  'post_check',
];

/** SCORM 1.2 choice responses are single characters a-z, so a question has at most 26 options. */
export const MAX_OPTIONS = 26;
/** SCORM 1.2 matching sources are single characters 1-9. */
export const MAX_PAIRS = 9;

/** Option ids a, b, c … by position. */
export function optionId(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_OPTIONS) {
    throw new RangeError(`option index ${index} outside 0..${MAX_OPTIONS - 1}`);
  }
  return String.fromCharCode(97 + index);
}

/** Match pair ids 1 … 9 by position. */
export function pairId(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PAIRS) {
    throw new RangeError(`pair index ${index} outside 0..${MAX_PAIRS - 1}`);
  }
  return String(index + 1);
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value) && value.length <= MAX_ID_LENGTH;
}

export function isLessonId(value: string): boolean {
  return LESSON_ID_PATTERN.test(value) && value.length <= MAX_ID_LENGTH;
}

/** Edit distance, for "did you mean" hints on misspelt ids and field names. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest known name, when it is close enough to be a likely typo. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(2, Math.floor(name.length / 4));
  if (best !== undefined && bestDistance <= tolerance) return best;
  // A shortened or differently ended name ("words" for "wording"): one candidate sharing its start.
  const stem = name.toLowerCase().slice(0, 4);
  const sharing = stem.length === 4 ? [...known].filter((k) => k.toLowerCase().startsWith(stem)) : [];
  return sharing.length === 1 ? sharing[0] : undefined;
}
