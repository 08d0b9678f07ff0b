/**
 * Text fidelity: the lesson must show the source as received, changed only where an editor's note
 * says so. Applying every note to source.txt must give, character for character, the heading
 * lines, every segment's paragraphs in file order and the appendix, joined by blank lines. This is
 * what guarantees that no sentence is lost, added or silently changed.
 */
import type { FieldPath } from './issues.js';
import { indicesOf } from './quotes.js';

export interface NoteSelector {
  /** What source.txt says. */
  source: string;
  prefix?: string;
  suffix?: string;
  /** What the lesson shows instead ("" for a deletion). */
  lesson: string;
}

export type NotePlacement =
  | {
      kind: 'placed';
      /** Where `source` is in source.txt. */
      sourceStart: number;
      sourceEnd: number;
      /** Where the replacement (`lesson`) is in the corrected text. */
      start: number;
      end: number;
    }
  | { kind: 'not-found' }
  | { kind: 'ambiguous'; offsets: number[] }
  | { kind: 'overlaps'; other: number };

export const PARAGRAPH_SEPARATOR = '\n\n';

/** The source file as received, with only what an editor cannot see removed: a byte-order mark,
 * Windows line endings and trailing newlines at the end of the file. */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** Apply editor's notes to the source. Notes that cannot be placed exactly once, or that overlap
 * an earlier one, are left out of the result and reported in `placements`. */
export function applyEditorsNotes(
  source: string,
  notes: readonly NoteSelector[],
): { text: string; placements: NotePlacement[] } {
  const placements: NotePlacement[] = notes.map((note) => {
    const prefix = note.prefix ?? '';
    const needle = prefix + note.source + (note.suffix ?? '');
    const found = indicesOf(source, needle);
    if (found.length === 0) return { kind: 'not-found' };
    if (found.length > 1) return { kind: 'ambiguous', offsets: found };
    const sourceStart = found[0]! + prefix.length;
    return { kind: 'placed', sourceStart, sourceEnd: sourceStart + note.source.length, start: 0, end: 0 };
  });

  const order = placements
    .map((p, index) => ({ p, index }))
    .filter((x): x is { p: Extract<NotePlacement, { kind: 'placed' }>; index: number } => x.p.kind === 'placed')
    .sort((a, b) => a.p.sourceStart - b.p.sourceStart || a.index - b.index);

  let text = '';
  let cursor = 0;
  let previous: { end: number; index: number } | undefined;
  for (const { p, index } of order) {
    if (previous !== undefined && p.sourceStart < previous.end) {
      placements[index] = { kind: 'overlaps', other: previous.index };
      continue;
    }
    text += source.slice(cursor, p.sourceStart);
    p.start = text.length;
    text += notes[index]!.lesson;
    p.end = text.length;
    cursor = p.sourceEnd;
    previous = { end: p.sourceEnd, index };
  }
  text += source.slice(cursor);
  return { text, placements };
}

/** Map an offset in the corrected text back to source.txt (for line numbers in messages). */
export function toSourceOffset(offset: number, placements: readonly NotePlacement[]): number {
  let delta = 0;
  for (const p of placements) {
    if (p.kind !== 'placed' || p.start > offset) continue;
    if (offset < p.end) return p.sourceStart;
    delta += p.end - p.start - (p.sourceEnd - p.sourceStart);
  }
  return offset - delta;
}

/** Where a paragraph of the lesson text was written. */
export interface Origin {
  file: string;
  path: FieldPath;
}

export interface LessonParagraph {
  text: string;
  origin: Origin;
  /** The segment it belongs to (undefined for heading and appendix). */
  segment?: string;
  /** Its index inside the segment. */
  index: number;
}

export type Mismatch =
  /** `found` differs from `expected` from character `at` on. */
  | { kind: 'changed'; expected: string; expectedOffset: number; found: LessonParagraph; at: number }
  /** A paragraph of the source is missing before `found`. */
  | { kind: 'missing'; expected: string; expectedOffset: number; found: LessonParagraph }
  /** `found` is not in the source. */
  | { kind: 'extra'; found: LessonParagraph; expectedOffset: number }
  /** The lesson ends early: `expected` and what follows are missing after `last`. */
  | { kind: 'missing-at-end'; expected: string; expectedOffset: number; last: LessonParagraph | undefined }
  /** The source ends before `found`. */
  | { kind: 'extra-at-end'; found: LessonParagraph; expectedOffset: number };

/** The first difference between the corrected source and the lesson's paragraphs, or null. */
export function firstMismatch(corrected: string, lesson: readonly LessonParagraph[]): Mismatch | null {
  const expected = corrected.split(PARAGRAPH_SEPARATOR);
  const offsets: number[] = [];
  let offset = 0;
  for (const p of expected) {
    offsets.push(offset);
    offset += p.length + PARAGRAPH_SEPARATOR.length;
  }
  for (let i = 0; i < Math.max(expected.length, lesson.length); i++) {
    const want = expected[i];
    const got = lesson[i];
    if (want !== undefined && got !== undefined && want === got.text) continue;
    if (got === undefined) {
      return { kind: 'missing-at-end', expected: want!, expectedOffset: offsets[i]!, last: lesson[i - 1] };
    }
    if (want === undefined) {
      return { kind: 'extra-at-end', found: got, expectedOffset: corrected.length };
    }
    if (expected[i + 1] === got.text) {
      return { kind: 'missing', expected: want, expectedOffset: offsets[i]!, found: got };
    }
    if (lesson[i + 1]?.text === want) {
      return { kind: 'extra', found: got, expectedOffset: offsets[i]! };
    }
    let at = 0;
    while (at < want.length && at < got.text.length && want[at] === got.text[at]) at++;
    return { kind: 'changed', expected: want, expectedOffset: offsets[i]!, found: got, at };
  }
  return null;
}

/** Locate a range of the corrected text (which equals the lesson text once fidelity holds) in the
 * lesson's paragraphs. Returns the paragraph holding `start`; the range is clipped to it. */
export function locateRange(
  start: number,
  end: number,
  lesson: readonly LessonParagraph[],
): { paragraph: LessonParagraph; start: number; end: number } | undefined {
  let offset = 0;
  for (const paragraph of lesson) {
    const paragraphEnd = offset + paragraph.text.length;
    if (start >= offset && start <= paragraphEnd) {
      return { paragraph, start: start - offset, end: Math.min(end, paragraphEnd) - offset };
    }
    offset = paragraphEnd + PARAGRAPH_SEPARATOR.length;
  }
  return undefined;
}
