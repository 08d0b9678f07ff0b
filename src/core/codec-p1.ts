/**
 * Reader of the codec's first format, "P1", kept so that a student who saved with a package of that
 * format resumes after the upgrade. Nothing writes P1 any more (core/codec.ts writes the current
 * format); this file is frozen: its behaviour is pinned by strings the P1 writer produced
 * (test/core/codec-p1.test.ts).
 *
 *   P1 lesson#3 version#3 pages#2 salt location visited answers drafts checksum4
 *
 * - Numbers are variable-length, base 47 (a character "!".."O" ends a number, "P".."~" continues
 *   it); fixed-width hashes and bit sets use base 94.
 * - Each answer is keyed by a 3-character hash of its question's id, type and shape, salted so that
 *   no two questions of the lesson share a key; then attempts × 5 + type, latency (seconds), the
 *   minute of the check relative to the earliest answer, and the response.
 * - Free text is escaped (core/text.ts) or compressed (core/compress.ts `compressText`).
 * - The checksum (FNV-1a, mixed) covers everything before it.
 */
import { QUESTION_TYPES, type Id, type Lesson, type Question } from '../model/lesson.js';
import { DecodeError, fnv1a, fresh, responseFor, shapeOf, type Decoded, type Stored } from './codec-common.js';
import { decompressText } from './compress.js';
import { lessonIndex, questionWords } from './lesson-index.js';
import { answerFor, initialState, MAX_LATENCY } from './state.js';
import { unescapeText } from './text.js';
import type { AnswerState } from './types.js';

export const FORMAT_P1 = 'P1';

const TYPES = QUESTION_TYPES;
/** Longest text a field may claim (code units): far above any budget, it bounds hostile input. */
const MAX_TEXT_UNITS = 20_000;

const hashMod = (text: string, width: number) => fnv1a(text) % 94 ** width;

function questionKey(lesson: Lesson, q: Question, salt: number): number {
  return hashMod(`${salt}|${q.id}|${q.type}|${shapeOf(lesson, q)}`, 3);
}

/** Question keys with `salt`; questions whose key collides are left out. */
function keysWith(lesson: Lesson, salt: number): Map<number, Question> {
  const keyOf = new Map<Id, number>();
  const count = new Map<number, number>();
  for (const q of lesson.questions) {
    const k = questionKey(lesson, q, salt);
    keyOf.set(q.id, k);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const byKey = new Map<number, Question>();
  for (const q of lesson.questions) if (count.get(keyOf.get(q.id)!) === 1) byKey.set(keyOf.get(q.id)!, q);
  return byKey;
}

const lessonHash = (lesson: Lesson) => hashMod(`lesson|${lesson.id}`, 3);
const versionHash = (lesson: Lesson) => hashMod(`version|${lesson.version}`, 3);
const pagesHash = (lesson: Lesson) => hashMod(`pages|${lessonIndex(lesson).pages.join(',')}`, 2);

class Reader {
  pos = 0;
  constructor(readonly s: string) {}
  private digit(): number {
    const c = this.s.charCodeAt(this.pos++) - 0x21;
    if (!(c >= 0 && c < 94)) throw new DecodeError(`bad digit at ${this.pos - 1}`);
    return c;
  }
  uint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const d = this.digit();
      if (d < 47) return n + d * scale;
      n += (d - 47) * scale;
      scale *= 47;
    }
    throw new DecodeError('number too long');
  }
  fixed(width: number): number {
    let n = 0;
    for (let i = 0; i < width; i++) n = n * 94 + this.digit();
    return n;
  }
  bits(max: number): boolean[] {
    const length = this.uint();
    if (length > max) throw new DecodeError('bit set too long');
    return this.groups(length);
  }
  /** Bits, 13 in 2 characters (a last group of at most 6 bits in 1). */
  groups(length: number): boolean[] {
    const bits: boolean[] = [];
    for (let i = 0; i < length; i += 13) {
      const n = Math.min(13, length - i);
      const v = this.fixed(n <= 6 ? 1 : 2);
      if (v >= 2 ** n) throw new DecodeError('bad bit group');
      for (let k = n - 1; k >= 0; k--) bits.push(((v >> k) & 1) === 1);
    }
    return bits;
  }
  /** Free text: uint(length × 2 + mode), then the escaped or compressed field. */
  text(): string {
    const head = this.uint();
    const length = Math.floor(head / 2);
    if (this.pos + length > this.s.length) throw new DecodeError('text runs past the end');
    const field = this.s.slice(this.pos, this.pos + length);
    this.pos += length;
    const text = head % 2 ? decompressField(field) : unescapeText(field);
    if (text === null) throw new DecodeError('bad text');
    return text;
  }
  done(): boolean {
    return this.pos === this.s.length;
  }
}

function decompressField(field: string): string | null {
  const r = new Reader(field);
  const units = r.uint();
  if (units > MAX_TEXT_UNITS) return null;
  return decompressText(field.slice(r.pos), units);
}

/** Marked words: ranges (even head: gap, length − 1 per range) or a bit set (odd head). */
function readMarks(r: Reader, max: number): number[] {
  const head = r.uint();
  const words: number[] = [];
  if (head % 2) {
    const length = (head - 1) / 2;
    if (length > max) throw new DecodeError('marks past the segment');
    r.groups(length).forEach((marked, i) => marked && words.push(i));
    return words;
  }
  let end = 0;
  for (let n = head / 2; n > 0; n--) {
    const start = end + r.uint();
    const length = r.uint() + 1;
    if (start + length > max) throw new DecodeError('marks past the segment');
    for (let i = start; i < start + length; i++) words.push(i);
    end = start + length;
  }
  return words;
}

function readStored(r: Reader, type: Question['type']): Stored {
  switch (type) {
    case 'single':
      return { type, index: r.uint() };
    case 'multiple':
      return { type, mask: r.uint() };
    case 'match': {
      const n = r.uint();
      if (n > 26) throw new DecodeError('too many pairs');
      return { type, choices: Array.from({ length: n }, () => r.uint()) };
    }
    case 'highlight':
      return { type, words: readMarks(r, 100_000) };
    case 'reflection':
      return { type, text: r.text() };
  }
}

interface Parsed {
  lesson: number;
  version: number;
  pages: number;
  salt: number;
  location: number;
  visited: boolean[];
  answers: { key: number; type: Question['type']; attempts: number; latency: number; at: number; stored: Stored }[];
  drafts: { key: number; text: string }[];
}

function parse(body: string): Parsed {
  const r = new Reader(body);
  r.pos = FORMAT_P1.length;
  const parsed: Parsed = {
    lesson: r.fixed(3),
    version: r.fixed(3),
    pages: r.fixed(2),
    salt: r.uint(),
    location: r.uint(),
    visited: r.bits(10_000),
    answers: [],
    drafts: [],
  };
  const base = r.uint();
  for (let n = r.uint(); n > 0; n--) {
    const key = r.fixed(3);
    const head = r.uint();
    const type = TYPES[head % TYPES.length]!;
    const attempts = Math.floor(head / TYPES.length);
    const latency = r.uint();
    const at = (base + r.uint()) * 60_000;
    if (attempts < 1 || latency > MAX_LATENCY) throw new DecodeError('bad answer head');
    parsed.answers.push({ key, type, attempts, latency, at, stored: readStored(r, type) });
  }
  for (let n = r.uint(); n > 0; n--) parsed.drafts.push({ key: r.fixed(3), text: r.text() });
  if (!r.done()) throw new DecodeError('trailing characters');
  return parsed;
}

/** Decode a P1 string (`raw` starts with "P1") for `lesson`. Throws DecodeError on bad input. */
export function decodeP1(lesson: Lesson, raw: string): Decoded {
  if (raw.length < FORMAT_P1.length + 4) return fresh(lesson, 'corrupt');
  const body = raw.slice(0, -4);
  const check = new Reader(raw.slice(-4));
  if (check.fixed(4) !== hashMod(body, 4)) return fresh(lesson, 'corrupt');
  const parsed = parse(body);
  if (parsed.lesson !== lessonHash(lesson)) return fresh(lesson, 'foreign');
  const sameVersion = parsed.version === versionHash(lesson);

  const { pages } = lessonIndex(lesson);
  const byKey = keysWith(lesson, parsed.salt);
  const answers: Record<Id, AnswerState> = {};
  for (const a of parsed.answers) {
    const q = byKey.get(a.key);
    const response = q && responseFor(lesson, q, a.stored);
    if (!q || !response || a.type !== q.type) continue;
    answers[q.id] = answerFor(q, response, a.attempts, a.latency, a.at, questionWords(lesson, q));
  }
  const drafts: Record<Id, string> = {};
  for (const d of parsed.drafts) {
    const q = byKey.get(d.key);
    if (q?.type === 'reflection' && !answers[q.id]?.locked && d.text !== '') drafts[q.id] = d.text;
  }

  const state = initialState(lesson);
  const samePages = parsed.pages === pagesHash(lesson) && parsed.visited.length === pages.length;
  if (samePages) {
    state.location = pages[parsed.location] ?? state.location;
    state.visited = pages.filter((_, i) => parsed.visited[i]);
    if (!state.visited.includes(state.location)) state.visited = pages.filter((p) => p === state.location || state.visited.includes(p));
  }
  state.answers = answers;
  state.drafts = drafts;
  if (sameVersion) return { state, notice: null };
  const kept = Object.keys(answers).length + Object.keys(drafts).length;
  return kept ? { state, notice: 'migrated' } : fresh(lesson, 'outdated');
}
