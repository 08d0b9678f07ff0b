/**
 * The words of a segment: the unit a student marks in a highlight question and the unit the
 * highlight key is scored in. Deterministic and pure, so the components, the scorer and the state
 * codec always agree on which word has which index.
 *
 * A word is a run of letters, digits and combining marks, joined by apostrophes (' ’) or hyphens
 * (- ‐ ‑) only where a letter or digit follows: "people's", "iron-willed" and "Party’s" are one word
 * each, while quotation marks (‘ ’ “ ” " '), em and en dashes, and other punctuation stay outside the
 * word span. A full stop or comma between digits stays inside ("1,000", "3.5").
 */
import type { Segment, TextSpan } from '../model/lesson.js';

export interface Word {
  /** Position in the whole segment, counting across paragraphs from 0. */
  index: number;
  /** Index into the segment's `paragraphs`. */
  paragraph: number;
  /** `paragraphs[paragraph].slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
}

// One character at a time (a letter or mark, or a digit with a "." or "," that another digit
// follows), joined by apostrophes and hyphens. No lookbehind: Safari before 16.4 (iOS phones
// still in use) rejects it, and a syntax error there would stop the whole bundle.
const ATOM = String.raw`(?:[\p{L}\p{M}]|\p{N}(?:[.,](?=\p{N}))?)`;
const WORD = new RegExp(`${ATOM}+(?:['\u2019\u2010\u2011-]${ATOM}+)*`, 'gu');

/** Words of one paragraph, with offsets into that paragraph. */
export function paragraphWords(text: string, paragraph: number, firstIndex: number): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    words.push({ index: firstIndex + words.length, paragraph, start, end: start + m[0].length, text: m[0] });
  }
  return words;
}

// Segments are immutable lesson data, so the word list is computed once per segment object.
const cache = new WeakMap<Segment, Word[]>();

/** Every word of the segment, in reading order. The result is frozen and shared: do not mutate. */
export function segmentWords(segment: Segment): Word[] {
  const cached = cache.get(segment);
  if (cached) return cached;
  const words: Word[] = [];
  segment.paragraphs.forEach((text, paragraph) => {
    for (const w of paragraphWords(text, paragraph, words.length)) words.push(Object.freeze(w));
  });
  Object.freeze(words);
  cache.set(segment, words);
  return words;
}

/** Indices of every word that overlaps the span (even partly), in order. A span that covers only
 * punctuation or spaces yields []. The caller passes the words of the span's own segment. */
export function spanToWordIndices(words: readonly Word[], span: TextSpan): number[] {
  return words
    .filter((w) => w.paragraph === span.paragraph && w.start < span.end && w.end > span.start)
    .map((w) => w.index);
}
