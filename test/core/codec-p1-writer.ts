/**
 * The writer of the codec's first format, P1, as it shipped (src/core/codec.ts before format P3),
 * kept for the tests only: the module no longer writes P1 but must keep reading it. The tests
 * check that this copy reproduces strings the shipped writer produced (codec-p1.fixtures.ts).
 */
import { QUESTION_TYPES, type Id, type Lesson, type Question, type ReflectionQuestion } from '../../src/model/lesson.js';
import { fnv1a, shapeOf, storable } from '../../src/core/codec-common.js';
import { compressText } from '../../src/core/compress.js';
import { lessonIndex, questionWords } from '../../src/core/lesson-index.js';
import { MAX_LATENCY } from '../../src/core/state.js';
import { clipToCost, escapeText } from '../../src/core/text.js';
import type { AnswerState, LessonState, Response } from '../../src/core/types.js';

const MAX_MINUTES = 47 ** 4 - 1;
const MAX_TIME = 8.64e15;
const hashMod = (text: string, width: number) => fnv1a(text) % 94 ** width;
const questionKey = (lesson: Lesson, q: Question, salt: number) => hashMod(`${salt}|${q.id}|${q.type}|${shapeOf(lesson, q)}`, 3);

function lessonKeys(lesson: Lesson): { salt: number; keyOf: Map<Id, number>; unique: Set<Id> } {
  for (let salt = 0; ; salt++) {
    const keyOf = new Map(lesson.questions.map((q) => [q.id, questionKey(lesson, q, salt)]));
    const count = new Map<number, number>();
    for (const k of keyOf.values()) count.set(k, (count.get(k) ?? 0) + 1);
    const unique = new Set(lesson.questions.filter((q) => count.get(keyOf.get(q.id)!) === 1).map((q) => q.id));
    if (unique.size === lesson.questions.length || salt > 1000) return { salt, keyOf, unique };
  }
}

class Writer {
  out = '';
  uint(n: number): this {
    while (n >= 47) {
      this.out += String.fromCharCode(0x21 + 47 + (n % 47));
      n = Math.floor(n / 47);
    }
    this.out += String.fromCharCode(0x21 + n);
    return this;
  }
  fixed(n: number, width: number): this {
    let s = '';
    for (let i = 0; i < width; i++) {
      s = String.fromCharCode(0x21 + (n % 94)) + s;
      n = Math.floor(n / 94);
    }
    this.out += s;
    return this;
  }
  bits(bits: readonly boolean[]): this {
    return this.uint(bits.length).groups(bits);
  }
  groups(bits: readonly boolean[]): this {
    for (let i = 0; i < bits.length; i += 13) {
      const n = Math.min(13, bits.length - i);
      let v = 0;
      for (let k = 0; k < n; k++) v = 2 * v + (bits[i + k] ? 1 : 0);
      this.fixed(v, n <= 6 ? 1 : 2);
    }
    return this;
  }
  text(text: string): this {
    const escaped = escapeText(text);
    const packed = new Writer().uint(text.length).out + compressText(text);
    if (packed.length < escaped.length) this.uint(packed.length * 2 + 1).out += packed;
    else this.uint(escaped.length * 2).out += escaped;
    return this;
  }
}

function writeMarks(w: Writer, words: readonly number[]): void {
  const ranges: [number, number][] = [];
  for (const i of words) {
    const last = ranges[ranges.length - 1];
    if (last && i === last[0] + last[1]) last[1]++;
    else ranges.push([i, 1]);
  }
  const asRanges = new Writer().uint(ranges.length * 2);
  let end = 0;
  for (const [start, length] of ranges) {
    asRanges.uint(start - end).uint(length - 1);
    end = start + length;
  }
  const bits = Array.from({ length: end }, () => false);
  for (const i of words) bits[i] = true;
  const asBits = new Writer().uint(end * 2 + 1).groups(bits);
  w.out += asBits.out.length < asRanges.out.length ? asBits.out : asRanges.out;
}

function writeResponse(w: Writer, q: Question, response: Response): void {
  switch (response.type) {
    case 'single':
      w.uint((q as Extract<Question, { type: 'single' }>).options.findIndex((o) => o.id === response.choice));
      return;
    case 'multiple': {
      const chosen = new Set(response.choices);
      w.uint((q as Extract<Question, { type: 'multiple' }>).options.reduce((mask, o, i) => (chosen.has(o.id) ? mask + 2 ** i : mask), 0));
      return;
    }
    case 'match': {
      const mq = q as Extract<Question, { type: 'match' }>;
      w.uint(mq.pairs.length);
      for (const p of mq.pairs) w.uint(mq.choices.indexOf(response.pairs[p.id] ?? '\u0000') + 1);
      return;
    }
    case 'highlight':
      writeMarks(w, response.words);
      return;
    case 'reflection':
      w.text(response.text);
      return;
  }
}

/** `encodeState` of the P1 release. */
export function encodeP1(lesson: Lesson, state: LessonState): string {
  const { pages } = lessonIndex(lesson);
  const keys = lessonKeys(lesson);
  const w = new Writer();
  w.out = 'P1';
  w.fixed(hashMod(`lesson|${lesson.id}`, 3), 3).fixed(hashMod(`version|${lesson.version}`, 3), 3).fixed(hashMod(`pages|${pages.join(',')}`, 2), 2);
  w.uint(keys.salt);
  w.uint(Math.max(0, pages.indexOf(state.location)));
  const visited = new Set(state.visited);
  w.bits(pages.map((p) => visited.has(p)));

  const answers: [Question, AnswerState, string][] = [];
  for (const q of lesson.questions) {
    const a = state.answers[q.id];
    if (!a || a.type !== q.type || !Number.isSafeInteger(a.attempts) || a.attempts < 1 || !keys.unique.has(q.id)) continue;
    const canonical = storable(lesson, q, a.response);
    if (!canonical) continue;
    const payload = new Writer();
    writeResponse(payload, q, canonical);
    answers.push([q, a, payload.out]);
  }
  const minutes = (a: AnswerState) => Math.floor(Math.min(MAX_TIME, Math.max(0, Number.isFinite(a.at) ? a.at : 0)) / 60_000);
  const base = answers.length ? Math.min(...answers.map(([, a]) => minutes(a))) : 0;
  w.uint(base).uint(answers.length);
  for (const [q, a, payload] of answers) {
    w.fixed(keys.keyOf.get(q.id)!, 3);
    w.uint(a.attempts * QUESTION_TYPES.length + QUESTION_TYPES.indexOf(q.type));
    w.uint(Math.round(Math.min(MAX_LATENCY, Math.max(0, Number.isFinite(a.latency) ? a.latency : 0))));
    w.uint(Math.min(MAX_MINUTES, minutes(a) - base));
    w.out += payload;
  }

  const drafts: [ReflectionQuestion, string][] = [];
  for (const q of lesson.questions) {
    const text = state.drafts[q.id];
    if (q.type === 'reflection' && typeof text === 'string' && text !== '' && !state.answers[q.id]?.locked) drafts.push([q, clipToCost(text, q.maxLength)]);
  }
  w.uint(drafts.length);
  for (const [q, text] of drafts) w.fixed(keys.keyOf.get(q.id)!, 3).text(text);
  return w.out + new Writer().fixed(hashMod(w.out, 4), 4).out;
}
