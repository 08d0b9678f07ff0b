/**
 * What every format of the state codec shares (core/codec.ts writes the current one; core/codec-p1.ts
 * still reads the first): the decode result, the hash, what an answer's fit to a question depends on,
 * and the check that a stored response still fits its question.
 */
import type { Id, Lesson, Question } from '../model/lesson.js';
import { questionWords } from './lesson-index.js';
import { canSubmit, normalizeResponse } from './scoring.js';
import { initialState } from './state.js';
import type { LessonState, Response } from './types.js';

export type DecodeNotice = null | 'corrupt' | 'foreign' | 'outdated' | 'migrated';

export interface Decoded {
  state: LessonState;
  notice: DecodeNotice;
}

/** Thrown inside a decoder for input it cannot read; `decodeState` turns it into 'corrupt'. */
export class DecodeError extends Error {}

export function fresh(lesson: Lesson, notice: DecodeNotice): Decoded {
  return { state: initialState(lesson), notice };
}

/** FNV-1a with murmur3's finaliser, so every output bit depends on every input bit. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** What an answer depends on besides its question's id: if any of it changes, the answer no
 * longer fits the question. */
export function shapeOf(lesson: Lesson, q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.options.map((o) => o.id).join(',');
    case 'match':
      return `${q.pairs.map((p) => p.id).join(',')}|${q.choices.join(',')}`;
    case 'highlight':
      return `${q.page}|${questionWords(lesson, q)?.length ?? 0}`;
    case 'reflection':
      return '';
  }
}

const fingerprints = new WeakMap<Question, number>();
/** The low `bits` bits of a 32-bit hash of the question's id, type and shape: what tells an answer
 * still fits its question in a new lesson version (format P3). */
export function fingerprint(lesson: Lesson, q: Question, bits: number): number {
  let h = fingerprints.get(q);
  if (h === undefined) fingerprints.set(q, (h = fnv1a(`fp|${q.id}|${q.type}|${shapeOf(lesson, q)}`)));
  return h % 2 ** bits;
}

/** A stored response, before it is matched to a question: indices, not ids. */
export type Stored =
  | { type: 'single'; index: number }
  | { type: 'multiple'; mask: number }
  /** Per pair, in pair order: 0 for none, else 1 + the index of the chosen device. */
  | { type: 'match'; choices: number[] }
  | { type: 'highlight'; words: number[] }
  | { type: 'reflection'; text: string };

/** The stored response as a response to `q`, or null when it does not fit the question. */
export function responseFor(lesson: Lesson, q: Question, stored: Stored): Response | null {
  if (stored.type !== q.type) return null;
  let response: Response;
  switch (stored.type) {
    case 'single': {
      const option = (q as Extract<Question, { type: 'single' }>).options[stored.index];
      if (!option) return null;
      response = { type: 'single', choice: option.id };
      break;
    }
    case 'multiple': {
      const options = (q as Extract<Question, { type: 'multiple' }>).options;
      if (stored.mask >= 2 ** options.length) return null;
      response = { type: 'multiple', choices: options.filter((_, i) => Math.floor(stored.mask / 2 ** i) % 2 === 1).map((o) => o.id) };
      break;
    }
    case 'match': {
      const mq = q as Extract<Question, { type: 'match' }>;
      if (stored.choices.length !== mq.pairs.length) return null;
      const pairs: Record<string, Id> = {};
      for (let i = 0; i < mq.pairs.length; i++) {
        const c = stored.choices[i]!;
        if (c > mq.choices.length) return null;
        if (c > 0) pairs[mq.pairs[i]!.id] = mq.choices[c - 1]!;
      }
      response = { type: 'match', pairs };
      break;
    }
    case 'highlight':
      response = { type: 'highlight', words: stored.words };
      break;
    case 'reflection':
      // A submitted text stays, even if a new version changed the length limits.
      return stored.text.trim() ? { type: 'reflection', text: stored.text } : null;
  }
  return canSubmit(q, response, questionWords(lesson, q)?.length).ok ? response : null;
}

/** The answer's response in canonical form if it can be stored for `q`, else null. A submitted
 * reflection is kept whatever its length (a new version may have lowered maxLength). */
export function storable(lesson: Lesson, q: Question, response: Response): Response | null {
  if (response?.type !== q.type) return null;
  if (response.type === 'reflection') return typeof response.text === 'string' && response.text.trim() ? response : null;
  return canSubmit(q, response, questionWords(lesson, q)?.length).ok ? normalizeResponse(q, response) : null;
}
