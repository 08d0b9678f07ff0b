/**
 * The state codec: LessonState ⇄ a short string for suspend data (SCORM 1.2: at most 4096
 * characters; the interactions are write-only, so everything resume needs lives here).
 *
 * Format "P1" (printable ASCII only, "!" to "~" plus spaces inside escaped text):
 *
 *   P1 lesson#3 version#3 pages#2 salt location visited answers drafts checksum4
 *
 * - Numbers are variable-length, base 47 (a character "!".."O" ends a number, "P".."~" continues
 *   it); fixed-width hashes and bit sets use base 94.
 * - lesson#, version# bind the state to the lesson id and version; pages# is a hash of the page
 *   order (visited and location carry over to a new version only when it is unchanged).
 * - Each answer is keyed by a 3-character hash of its question's id, type and shape (option ids,
 *   match pairs and choices, the segment's word count), salted so that no two questions of the
 *   lesson share a key. An answer therefore migrates to a new lesson version only to a question
 *   with the same id, type and shape; credit, result and lock are recomputed from the response and
 *   the number of tries (core/state.ts `answerFor`), so they are never stored.
 * - Free text (reflections, drafts) is stored either escaped (core/text.ts: its length is the
 *   text's cost, the unit a reflection's maxLength counts) or compressed (core/compress.ts),
 *   whichever is shorter. So a text never takes more than its cost, for any characters.
 * - Times: `at` is kept to the minute (relative to the earliest answer, at most 9 years later);
 *   latency to the second, as the state holds it. Neither is needed to resume: each check was
 *   reported to the LMS when it happened.
 * - The checksum (FNV-1a, mixed) covers everything before it; any damaged or truncated string is
 *   refused as 'corrupt'.
 *
 * Decoding never throws: garbage or truncation → 'corrupt', another lesson → 'foreign', another
 * version → 'migrated' (some answers kept) or 'outdated' (nothing fits: fresh start).
 */
import { QUESTION_TYPES, type Id, type Lesson, type Question, type ReflectionQuestion } from '../model/lesson.js';
import { compressText, decompressText } from './compress.js';
import { lessonIndex, questionWords } from './lesson-index.js';
import { canSubmit, normalizeResponse } from './scoring.js';
import { answerFor, initialState, MAX_LATENCY } from './state.js';
import { clipToCost, escapeText, textCost, unescapeText } from './text.js';
import type { AnswerState, LessonState, Response } from './types.js';

/** Magic and format version: bump when the layout, the primer or the compressor changes. */
export const FORMAT = 'P1';
/** SCORM 1.2 cmi.suspend_data limit, characters. */
export const SUSPEND_LIMIT = 4096;
/**
 * The total of reflection maxLength (counted in text cost, see core/text.ts) that the codec
 * guarantees to fit SCORM 1.2's 4096 characters, whatever the student writes, in a lesson of the
 * planned heroes-1988 shape or one no larger in any respect: up to 70 questions, 12 highlight questions on segments of
 * at most 4000 words in all, up to 22 pages (measured worst case 3950 characters; the text takes
 * 2500 of them, the rest is structure). A lesson of another shape is checked by
 * `worstCaseLength(lesson) <= SUSPEND_LIMIT`, which the build should run.
 */
export const REFLECTION_BUDGET = 2500;

export type DecodeNotice = null | 'corrupt' | 'foreign' | 'outdated' | 'migrated';

export interface Decoded {
  state: LessonState;
  notice: DecodeNotice;
}

const TYPES = QUESTION_TYPES;
/** Largest stored time offset, minutes: 4 base-47 digits (about 9 years). */
const MAX_MINUTES = 47 ** 4 - 1;
/** Latest time a JavaScript Date can hold, ms since epoch. */
const MAX_TIME = 8.64e15;
/** Longest text a field may claim (code units): far above any budget, it bounds hostile input. */
const MAX_TEXT_UNITS = 20_000;

// ---------------------------------------------------------------------------------------------
// Hashes

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3's finaliser, so every output bit depends on every input bit
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hashMod = (text: string, width: number) => fnv1a(text) % 94 ** width;

/** What an answer depends on besides its question's id: if any of it changes, the answer no
 * longer fits the question. */
function shapeOf(lesson: Lesson, q: Question): string {
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

function questionKey(lesson: Lesson, q: Question, salt: number): number {
  return hashMod(`${salt}|${q.id}|${q.type}|${shapeOf(lesson, q)}`, 3);
}

interface Keys {
  salt: number;
  byKey: Map<number, Question>;
  keyOf: Map<Id, number>;
}

/** Question keys with `salt`; questions whose key collides are left out of `byKey`. */
function keysWith(lesson: Lesson, salt: number): Keys {
  const keyOf = new Map<Id, number>();
  const count = new Map<number, number>();
  for (const q of lesson.questions) {
    const k = questionKey(lesson, q, salt);
    keyOf.set(q.id, k);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const byKey = new Map<number, Question>();
  for (const q of lesson.questions) if (count.get(keyOf.get(q.id)!) === 1) byKey.set(keyOf.get(q.id)!, q);
  return { salt, byKey, keyOf };
}

const keyCache = new WeakMap<Lesson, Keys>();
/** The smallest salt that gives every question of the lesson its own key. */
function lessonKeys(lesson: Lesson): Keys {
  let keys = keyCache.get(lesson);
  if (!keys) {
    for (let salt = 0; ; salt++) {
      keys = keysWith(lesson, salt);
      if (keys.byKey.size === lesson.questions.length || salt > 1000) break;
    }
    keyCache.set(lesson, keys);
  }
  return keys;
}

const lessonHash = (lesson: Lesson) => hashMod(`lesson|${lesson.id}`, 3);
const versionHash = (lesson: Lesson) => hashMod(`version|${lesson.version}`, 3);
const pagesHash = (lesson: Lesson) => hashMod(`pages|${lessonIndex(lesson).pages.join(',')}`, 2);

// ---------------------------------------------------------------------------------------------
// Writer and reader

class DecodeError extends Error {}

class Writer {
  out = '';
  uint(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`codec: ${n} is not a count`);
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
  /** A bit set: its length, then its groups. */
  bits(bits: readonly boolean[]): this {
    return this.uint(bits.length).groups(bits);
  }
  /** Bits, 13 in 2 characters (a last group of at most 6 bits in 1). */
  groups(bits: readonly boolean[]): this {
    for (let i = 0; i < bits.length; i += 13) {
      const n = Math.min(13, bits.length - i);
      let v = 0;
      for (let k = 0; k < n; k++) v = 2 * v + (bits[i + k] ? 1 : 0);
      this.fixed(v, n <= 6 ? 1 : 2);
    }
    return this;
  }
  /** Free text, escaped or compressed, whichever is shorter; a field = uint(length × 2 + mode). */
  text(text: string): this {
    const escaped = escapeText(text);
    const packed = compressed(text);
    if (packed.length < escaped.length) this.uint(packed.length * 2 + 1).out += packed;
    else this.uint(escaped.length * 2).out += escaped;
    return this;
  }
}

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

// Compressing is the costly part of encoding and encodeState runs at every save, while the texts
// rarely change between saves: remember the last results.
const packCache = new Map<string, string>();
function compressed(text: string): string {
  let packed = packCache.get(text);
  if (packed === undefined) {
    const w = new Writer().uint(text.length);
    packed = w.out + compressText(text);
    if (packCache.size >= 32) packCache.delete(packCache.keys().next().value!);
    packCache.set(text, packed);
  }
  return packed;
}

function decompressField(field: string): string | null {
  const r = new Reader(field);
  const units = r.uint();
  if (units > MAX_TEXT_UNITS) return null;
  return decompressText(field.slice(r.pos), units);
}

// ---------------------------------------------------------------------------------------------
// Responses

function writeResponse(w: Writer, q: Question, response: Response): void {
  switch (response.type) {
    case 'single': {
      const options = (q as Extract<Question, { type: 'single' }>).options;
      w.uint(options.findIndex((o) => o.id === response.choice));
      return;
    }
    case 'multiple': {
      const options = (q as Extract<Question, { type: 'multiple' }>).options;
      const chosen = new Set(response.choices);
      w.uint(options.reduce((mask, o, i) => (chosen.has(o.id) ? mask + 2 ** i : mask), 0));
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

/** Marked words as ranges (gap, length − 1) or as a bit set, whichever is shorter. */
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
  const asBits = new Writer().uint(end * 2 + 1).groups(bits); // odd head: a bit set
  w.out += asBits.out.length < asRanges.out.length ? asBits.out : asRanges.out;
}

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

/** A stored response, before it is matched to a question: indices, not ids. */
type Stored =
  | { type: 'single'; index: number }
  | { type: 'multiple'; mask: number }
  | { type: 'match'; choices: number[] }
  | { type: 'highlight'; words: number[] }
  | { type: 'reflection'; text: string };

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

/** The stored response as a response to `q`, or null when it does not fit the question. */
function responseFor(lesson: Lesson, q: Question, stored: Stored): Response | null {
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

// ---------------------------------------------------------------------------------------------
// Encode

const minuteOf = (at: number) => Math.floor(at / 60_000);

/** The answer's response in canonical form if it can be stored for `q`, else null. A submitted
 * reflection is kept whatever its length (a new version may have lowered maxLength). */
function storable(lesson: Lesson, q: Question, response: Response): Response | null {
  if (response?.type !== q.type) return null;
  if (response.type === 'reflection') return typeof response.text === 'string' && response.text.trim() ? response : null;
  return canSubmit(q, response, questionWords(lesson, q)?.length).ok ? normalizeResponse(q, response) : null;
}

// States are immutable, so an unchanged answer keeps its response object from save to save: its
// encoding (which for a highlight or a reflection takes most of the work) is remembered.
const payloadCache = new WeakMap<Response, { q: Question; payload: string | null }>();
function payloadOf(lesson: Lesson, q: Question, response: Response): string | null {
  const cached = typeof response === 'object' && response !== null ? payloadCache.get(response) : undefined;
  if (cached?.q === q) return cached.payload;
  const canonical = storable(lesson, q, response);
  let payload: string | null = null;
  if (canonical) {
    const w = new Writer();
    writeResponse(w, q, canonical);
    payload = w.out;
  }
  if (typeof response === 'object' && response !== null) payloadCache.set(response, { q, payload });
  return payload;
}

/** Encode a state of `lesson` for suspend data. Answers and drafts the lesson has no question
 * for, invalid responses and non-reflection drafts are left out; a draft longer than its
 * question's maxLength is cut to it (the text area never lets it grow longer). */
export function encodeState(lesson: Lesson, state: LessonState): string {
  const { pages } = lessonIndex(lesson);
  const keys = lessonKeys(lesson);
  const w = new Writer();
  w.out = FORMAT;
  w.fixed(lessonHash(lesson), 3).fixed(versionHash(lesson), 3).fixed(pagesHash(lesson), 2);
  w.uint(keys.salt);
  w.uint(Math.max(0, pages.indexOf(state.location)));
  const visited = new Set(state.visited);
  w.bits(pages.map((p) => visited.has(p)));

  const answers: [Question, AnswerState, string][] = [];
  for (const q of lesson.questions) {
    const a = state.answers[q.id];
    if (!a || a.type !== q.type || !Number.isSafeInteger(a.attempts) || a.attempts < 1) continue;
    const payload = keys.byKey.has(keys.keyOf.get(q.id)!) ? payloadOf(lesson, q, a.response) : null;
    if (payload !== null) answers.push([q, a, payload]);
  }
  const minutes = (a: AnswerState) => minuteOf(Math.min(MAX_TIME, Math.max(0, Number.isFinite(a.at) ? a.at : 0)));
  const base = answers.length ? Math.min(...answers.map(([, a]) => minutes(a))) : 0;
  w.uint(base).uint(answers.length);
  for (const [q, a, payload] of answers) {
    w.fixed(keys.keyOf.get(q.id)!, 3);
    w.uint(a.attempts * TYPES.length + TYPES.indexOf(q.type));
    w.uint(Math.round(Math.min(MAX_LATENCY, Math.max(0, Number.isFinite(a.latency) ? a.latency : 0))));
    w.uint(Math.min(MAX_MINUTES, minutes(a) - base));
    w.out += payload;
  }

  const drafts: [ReflectionQuestion, string][] = [];
  for (const q of lesson.questions) {
    const text = state.drafts[q.id];
    if (q.type === 'reflection' && typeof text === 'string' && text !== '' && !state.answers[q.id]?.locked) {
      drafts.push([q, clipToCost(text, q.maxLength)]);
    }
  }
  w.uint(drafts.length);
  for (const [q, text] of drafts) w.fixed(keys.keyOf.get(q.id)!, 3).text(text);

  return w.out + new Writer().fixed(hashMod(w.out, 4), 4).out;
}

// ---------------------------------------------------------------------------------------------
// Decode

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
  r.pos = FORMAT.length;
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

function fresh(lesson: Lesson, notice: DecodeNotice): Decoded {
  return { state: initialState(lesson), notice };
}

/**
 * Decode suspend data for `lesson`. Never throws. Empty or missing data is a fresh start without a
 * notice; otherwise the notice tells the UI what happened (see the module comment).
 */
export function decodeState(lesson: Lesson, raw: string | null | undefined): Decoded {
  try {
    return decode(lesson, raw);
  } catch {
    return fresh(lesson, 'corrupt');
  }
}

function decode(lesson: Lesson, raw: string | null | undefined): Decoded {
  if (raw === null || raw === undefined || raw === '') return fresh(lesson, null);
  if (typeof raw !== 'string' || !raw.startsWith(FORMAT) || raw.length < FORMAT.length + 4) return fresh(lesson, 'corrupt');
  const body = raw.slice(0, -4);
  const check = new Reader(raw.slice(-4));
  if (check.fixed(4) !== hashMod(body, 4)) return fresh(lesson, 'corrupt');
  const parsed = parse(body);
  if (parsed.lesson !== lessonHash(lesson)) return fresh(lesson, 'foreign');
  const sameVersion = parsed.version === versionHash(lesson);

  const { pages } = lessonIndex(lesson);
  const keys = keysWith(lesson, parsed.salt);
  const answers: Record<Id, AnswerState> = {};
  for (const a of parsed.answers) {
    const q = keys.byKey.get(a.key);
    const response = q && responseFor(lesson, q, a.stored);
    if (!q || !response || a.type !== q.type) continue;
    answers[q.id] = answerFor(q, response, a.attempts, a.latency, a.at, questionWords(lesson, q));
  }
  const drafts: Record<Id, string> = {};
  for (const d of parsed.drafts) {
    const q = keys.byKey.get(d.key);
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

// ---------------------------------------------------------------------------------------------
// Worst case

export interface WorstCaseOptions {
  /** The text of each reflection; cut to the question's maxLength. Default: the costliest text
   * for its length (random printable ASCII, which no compressor shortens) at exactly maxLength. */
  text?: (question: ReflectionQuestion) => string;
  /** Time of the earliest answer, ms since epoch. Default: as late as the stored times reach,
   * so the base time takes its most characters too. */
  now?: number;
}

/** A deterministic printable-ASCII text of the given cost that compression does not shorten. */
function noise(length: number, seed: number): string {
  const literals = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => textCost(c) === 1);
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += literals[(x >>> 0) % literals.length];
  }
  return out;
}

/**
 * The state whose encoding is longest: every page visited, every question answered on its last
 * try with the response that takes most room (the last option, every option, every pair on the
 * last choice, every other word of the segment up to its last), the longest latency, times far
 * apart, and every reflection submitted at its maxLength.
 */
export function worstCaseState(lesson: Lesson, options: WorstCaseOptions = {}): LessonState {
  const { pages } = lessonIndex(lesson);
  const start = options.now ?? MAX_TIME - MAX_MINUTES * 60_000;
  const state = initialState(lesson);
  state.location = pages[pages.length - 1] ?? state.location;
  state.visited = [...pages];
  lesson.questions.forEach((q, i) => {
    const words = questionWords(lesson, q);
    let response: Response;
    switch (q.type) {
      case 'single':
        response = { type: 'single', choice: q.options[q.options.length - 1]?.id ?? 'a' };
        break;
      case 'multiple':
        response = { type: 'multiple', choices: q.options.map((o) => o.id) };
        break;
      case 'match':
        response = { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, q.choices[q.choices.length - 1]!])) };
        break;
      case 'highlight': {
        const n = words?.length ?? 0;
        response = { type: 'highlight', words: Array.from({ length: n }, (_, k) => k).filter((k) => (n - 1 - k) % 2 === 0) };
        break;
      }
      case 'reflection': {
        const text = options.text ? options.text(q) : noise(q.maxLength, i + 1);
        response = { type: 'reflection', text: clipToCost(text, q.maxLength) };
        break;
      }
    }
    const at = start + (i % 2 ? MAX_MINUTES * 60_000 : 0);
    state.answers[q.id] = answerFor(q, response, Math.max(1, q.tries), MAX_LATENCY, at, words);
  });
  return state;
}

/** Length of the encoded worst case of `lesson` (see `worstCaseState`): must be ≤ SUSPEND_LIMIT. */
export function worstCaseLength(lesson: Lesson, options?: WorstCaseOptions): number {
  return encodeState(lesson, worstCaseState(lesson, options)).length;
}
