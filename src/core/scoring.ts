/**
 * Scoring: how much credit a checked response earns. Pure; the one place the rules live.
 *
 * raw (0..1) is how right the response is; credit applies the try rule on top:
 *   credit = raw × (tries − attempt + 1) / tries
 * so a fully right answer earns all the credit on the first try, half on the second of two, and so
 * on. result: correct when raw = 1, partial when 0 < raw < 1, wrong when raw = 0; a reflection is
 * 'submitted' (graded by the instructor) and earns no automatic credit.
 */
import type {
  ChoiceOption,
  HighlightQuestion,
  MatchQuestion,
  Question,
  ReflectionQuestion,
} from '../model/lesson.js';
import { textCost } from './text.js';
import type { Response, Result } from './types.js';
import { spanToWordIndices, type Word } from './words.js';

export interface ScoreResult {
  /** 0..1 before the try rule. */
  raw: number;
  /** 0..1 after the try rule. */
  credit: number;
  result: Result;
}

export interface HighlightScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Why a response cannot be checked yet; the UI turns the reason into a message. */
export type Validation =
  | { ok: true }
  | { ok: false; reason: 'wrong-type' | 'empty' | 'incomplete' | 'invalid' }
  | { ok: false; reason: 'too-short'; length: number; minLength: number }
  | { ok: false; reason: 'too-long'; cost: number; maxLength: number };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Word-level precision, recall and F1 of the marked words against the key words. Duplicates are
 * ignored. Nothing marked scores 0 (not NaN); marking every word keeps recall 1 but precision low. */
export function highlightScore(marked: readonly number[], key: readonly number[]): HighlightScore {
  const m = new Set(marked);
  const k = new Set(key);
  let hit = 0;
  for (const w of m) if (k.has(w)) hit++;
  const precision = m.size ? hit / m.size : 0;
  const recall = k.size ? hit / k.size : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** The word indices the key spans cover (their union, in order). */
export function highlightKey(question: HighlightQuestion, words: readonly Word[]): number[] {
  // Set by the build, and the only key there is while the segment's paragraphs are not loaded.
  if (question.keyWords) return question.keyWords;
  const key = new Set<number>();
  for (const span of question.key) for (const i of spanToWordIndices(words, span)) key.add(i);
  return [...key].sort((a, b) => a - b);
}

/** The try rule: the share of raw credit a check on `attempt` (1-based) keeps. */
export function tryFactor(tries: number, attempt: number): number {
  const t = Math.max(1, Math.floor(tries) || 1);
  return clamp01((t - attempt + 1) / t);
}

function resultOf(raw: number): Result {
  return raw >= 1 ? 'correct' : raw > 0 ? 'partial' : 'wrong';
}

function optionsRight(options: readonly ChoiceOption[], chosen: ReadonlySet<string>): number {
  if (!options.length) return 0;
  return options.filter((o) => o.correct === chosen.has(o.id)).length / options.length;
}

function matchRight(question: MatchQuestion, pairs: Readonly<Record<string, string>>): number {
  if (!question.pairs.length) return 0;
  return question.pairs.filter((p) => pairs[p.id] === p.device).length / question.pairs.length;
}

/** Raw 0..1 for a response of the question's own type. */
function rawScore(question: Question, response: Response, words: readonly Word[] | undefined): number {
  switch (question.type) {
    case 'single': {
      const choice = (response as Extract<Response, { type: 'single' }>).choice;
      return question.options.some((o) => o.id === choice && o.correct) ? 1 : 0;
    }
    case 'multiple':
      return optionsRight(question.options, new Set((response as Extract<Response, { type: 'multiple' }>).choices));
    case 'match':
      return matchRight(question, (response as Extract<Response, { type: 'match' }>).pairs);
    case 'highlight': {
      if (!words) {
        throw new TypeError(
          `scoreResponse: highlight question "${question.id}" needs the words of segment "${question.page}" ` +
            '(pass segmentWords(segment) as the fourth argument)',
        );
      }
      const { f1 } = highlightScore((response as Extract<Response, { type: 'highlight' }>).words, highlightKey(question, words));
      return f1 >= question.threshold ? 1 : f1;
    }
    case 'reflection':
      return 0;
  }
}

/**
 * Score a response on its `attempt`-th check (1-based). Throws a TypeError when the response is of
 * another type than the question (a programming error: `checkAnswer` validates first).
 */
export function scoreResponse(
  question: Question,
  response: Response,
  attempt: number,
  words?: readonly Word[],
): ScoreResult {
  if (response.type !== question.type) {
    throw new TypeError(`scoreResponse: question "${question.id}" is ${question.type}, response is ${response.type}`);
  }
  if (question.type === 'reflection') return { raw: 0, credit: 0, result: 'submitted' };
  const raw = clamp01(rawScore(question, response, words));
  return { raw, credit: clamp01(raw * tryFactor(question.tries, attempt)), result: resultOf(raw) };
}

function reflectionValidation(question: ReflectionQuestion, text: string): Validation {
  const length = text.trim().length;
  if (length === 0) return { ok: false, reason: 'empty' };
  if (length < question.minLength) return { ok: false, reason: 'too-short', length, minLength: question.minLength };
  const cost = textCost(text);
  if (cost > question.maxLength) return { ok: false, reason: 'too-long', cost, maxLength: question.maxLength };
  return { ok: true };
}

/**
 * Whether a response can be checked: of the question's type, not empty, every match pair matched,
 * only ids and word indices that exist, and a reflection between minLength (trimmed characters)
 * and maxLength (text cost, see core/text.ts). `wordCount` is the segment's number of words, for
 * highlight responses (omit it to skip the range check).
 */
export function canSubmit(question: Question, response: Response, wordCount?: number): Validation {
  if (!response || response.type !== question.type) return { ok: false, reason: 'wrong-type' };
  switch (response.type) {
    case 'single': {
      if (typeof response.choice !== 'string' || response.choice === '') return { ok: false, reason: 'empty' };
      const q = question as Extract<Question, { type: 'single' }>;
      return q.options.some((o) => o.id === response.choice) ? { ok: true } : { ok: false, reason: 'invalid' };
    }
    case 'multiple': {
      if (!Array.isArray(response.choices) || response.choices.length === 0) return { ok: false, reason: 'empty' };
      const q = question as Extract<Question, { type: 'multiple' }>;
      const ids = new Set(q.options.map((o) => o.id));
      return response.choices.every((c) => ids.has(c)) ? { ok: true } : { ok: false, reason: 'invalid' };
    }
    case 'match': {
      const q = question as MatchQuestion;
      const pairs = response.pairs ?? {};
      const pairIds = new Set(q.pairs.map((p) => p.id));
      const keys = Object.keys(pairs);
      if (keys.some((k) => !pairIds.has(k) || !q.choices.includes(pairs[k]!))) return { ok: false, reason: 'invalid' };
      if (keys.length === 0) return { ok: false, reason: 'empty' };
      return keys.length < q.pairs.length ? { ok: false, reason: 'incomplete' } : { ok: true };
    }
    case 'highlight': {
      if (!Array.isArray(response.words) || response.words.length === 0) return { ok: false, reason: 'empty' };
      const inRange = (w: number) => Number.isInteger(w) && w >= 0 && (wordCount === undefined || w < wordCount);
      return response.words.every(inRange) ? { ok: true } : { ok: false, reason: 'invalid' };
    }
    case 'reflection':
      if (typeof response.text !== 'string') return { ok: false, reason: 'invalid' };
      return reflectionValidation(question as ReflectionQuestion, response.text);
  }
}

/** The canonical form of a valid response: choices in option order without repeats, highlight words
 * ascending without repeats, match pairs in pair order. State only ever holds canonical responses,
 * so equal answers compare equal and the codec round-trips exactly. */
export function normalizeResponse(question: Question, response: Response): Response {
  switch (response.type) {
    case 'multiple': {
      const q = question as Extract<Question, { type: 'multiple' }>;
      const chosen = new Set(response.choices);
      return { type: 'multiple', choices: q.options.map((o) => o.id).filter((id) => chosen.has(id)) };
    }
    case 'highlight':
      return { type: 'highlight', words: [...new Set(response.words)].sort((a, b) => a - b) };
    case 'match': {
      const q = question as MatchQuestion;
      const pairs: Record<string, string> = {};
      for (const p of q.pairs) if (response.pairs[p.id] !== undefined) pairs[p.id] = response.pairs[p.id]!;
      return { type: 'match', pairs };
    }
    case 'single':
      return { type: 'single', choice: response.choice };
    case 'reflection':
      return { type: 'reflection', text: response.text };
  }
}
