/**
 * Parsing shared by both dialects: the vocabularies for entry, mode and credit are spelled the
 * same in SCORM 1.2 and 2004, only the element names differ (and those stay in the dialects).
 */
import type { LessonMode } from '../tracker.js';
import { clip, parseCount } from '../text.js';

export function parseEntry(raw: string | null): 'ab-initio' | 'resume' {
  return raw?.trim().toLowerCase() === 'resume' ? 'resume' : 'ab-initio';
}

export function parseMode(raw: string | null): LessonMode {
  const value = raw?.trim().toLowerCase();
  return value === 'review' || value === 'browse' ? value : 'normal';
}

/** Only an explicit "no-credit" withdraws credit (scorm-again leaves 1.2 credit empty). */
export function parseCredit(raw: string | null): boolean {
  return raw?.trim().toLowerCase() !== 'no-credit';
}

/** A hostile LMS can claim any count; we never read more than this many objective ids. */
const MAX_OBJECTIVES_READ = 250;

export function readObjectiveIds(
  get: (element: string) => string | null,
  countElement: string,
  idElement: (index: number) => string,
): string[] {
  const count = Math.min(parseCount(get(countElement)) ?? 0, MAX_OBJECTIVES_READ);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push(clip(get(idElement(index)) ?? '', 4000));
  return ids;
}

/** The raw suspend data, or null when empty. */
export function rawText(raw: string | null): string | null {
  return raw === null || raw === '' ? null : raw;
}

/** `text` clipped to `max`, with a visible " ..." when something was cut (for report fields whose
 * full content lives in suspend data anyway). */
export function clipMarked(text: string, max: number): string {
  return text.length <= max ? text : `${clip(text, max - 4)} ...`;
}
