/**
 * The state codec: LessonState ⇄ a short string for suspend data (SCORM 1.2: at most 4096
 * characters; the interactions are write-only, so everything resume needs lives here).
 *
 * Format "P3" (printable ASCII only: "!" to "~", plus spaces inside escaped text):
 *
 *   P3 length fields escaped-texts checksum4
 *
 * - `fields` is one integer of `length` base-94 characters packing every field at its exact cost
 *   (core/codec-radix.ts): an option among 4 takes 2 bits, never a whole character.
 * - Fields, in order: hashes of the lesson id (16 bits), the version (16) and the page order (12);
 *   the fingerprint width c; the minute of the latest check; then one group per question type
 *   (single, multiple, match, highlight, reflection); last, location and visited pages.
 * - A group lists, for each question of that type in lesson order, its status (0 not answered,
 *   else the number of tries used; for a reflection also "draft"); then, for each answered one, a
 *   c-bit fingerprint of the question's id, type and shape (option ids, pairs and choices, the
 *   segment's word count), and the response: an option index, an option bit mask, a device per
 *   match pair, the marked words as a bit set up to the last one, a text. Field sizes come from
 *   the group's own largest question (stored once), never from the lesson, so a reader can step
 *   over an answer to a question that no longer exists.
 * - Migration: answers are stored by position, and a new lesson version is matched to the old
 *   one type by type (`align`): the alignment that best explains the fingerprints, where an
 *   inserted or removed question shifts the positions after it. An answer is kept when its
 *   question is still there with the same id, type and shape, wherever it moved; the answers to
 *   changed and removed questions are dropped. Credit, result and lock are recomputed from the
 *   response and the tries (core/state.ts `answerFor`), so they are never stored.
 * - The fingerprint width c (FP_MIN … FP_MAX bits) is the largest that keeps the string within the
 *   lesson's worst case (`roomFor`): a student far from it gets 20-bit fingerprints (a changed
 *   question goes unnoticed once in a million), only a state close to it (nearly everything
 *   answered, every reflection full of incompressible text) gets as few as FP_MIN.
 * - Free text (reflections, drafts) is stored either escaped (core/text.ts: its length is the
 *   text's cost, the unit a reflection's maxLength counts), after the fields, or compressed
 *   (core/compress.ts) inside them, whichever is shorter. So a text never takes more than its cost.
 * - Times: only the minute of the latest check is kept, and every resumed answer carries it (the
 *   outbox's reconciliation, runtime/outbox.ts, needs nothing else). Each check's own time and
 *   latency were reported to the LMS as an interaction when it happened; they are not needed to
 *   resume, and decode as that minute and 0.
 * - The checksum (FNV-1a, mixed) covers everything before it; any damaged or truncated string is
 *   refused as 'corrupt'.
 *
 * Decoding never throws: garbage or truncation → 'corrupt', another lesson → 'foreign', another
 * version → 'migrated' (some answers kept) or 'outdated' (nothing fits: fresh start). Strings of
 * the first format, "P1", are still read (core/codec-p1.ts).
 */
import type { Id, Lesson, Question, QuestionType, ReflectionQuestion } from '../model/lesson.js';
import { DecodeError, fingerprint, fnv1a, fresh, responseFor, storable, type Decoded, type DecodeNotice, type Stored } from './codec-common.js';
import { decodeP1, FORMAT_P1 } from './codec-p1.js';
import { digitsFor, LOG2_BASE, RadixReader, RadixWriter, readDigits, writeDigits } from './codec-radix.js';
import { compressBits, decompressBits } from './compress.js';
import { lessonIndex, questionWords } from './lesson-index.js';
import { answerFor, initialState, MAX_LATENCY } from './state.js';
import { clipToCost, escapeText, textCost, unescapeText } from './text.js';
import type { AnswerState, LessonState, Response } from './types.js';

export type { DecodeNotice, Decoded };

/** Magic and format version: bump when the layout, the primer or the compressor changes. */
export const FORMAT = 'P3';
/** SCORM 1.2 cmi.suspend_data limit, characters. */
export const SUSPEND_LIMIT = 4096;
/**
 * The total of reflection maxLength (counted in text cost, see core/text.ts) that the codec
 * guarantees to fit SCORM 1.2's 4096 characters, whatever the student writes, in a lesson of the
 * planned heroes-1988 shape or one no larger in any respect: up to 70 questions, 12 highlight
 * questions on segments of at most 4000 words in all, up to 22 pages (measured worst case 3312
 * characters, of which the text takes 2500: test/core/codec.test.ts). A lesson of another shape is
 * checked by `worstCaseLength(lesson) <= SUSPEND_LIMIT`, which the build runs.
 */
export const REFLECTION_BUDGET = 2500;

/** Fingerprint widths, bits: the least (the worst case) and the most. */
const FP_MIN = 8;
const FP_MAX = 20;
/** Fingerprints get narrower only to keep a string within the lesson's worst case, or within this
 * many characters for a lesson whose worst case is shorter (see `roomFor`). */
const ROOM = 2048;
/** What one change of alignment offset (an inserted or removed question) costs, in bits of
 * fingerprint evidence: a match at an offset of its own needs more than two of these. */
const EDIT_BITS = 6;
/** A tie-break far below any difference in evidence (a chain has at most MAX_GROUP links). */
const TIE = 1e-6;

const GROUPS: readonly QuestionType[] = ['single', 'multiple', 'match', 'highlight', 'reflection'];
/** Tries above this are stored as this: no lesson allows more than 10, and more changes nothing. */
const MAX_ATTEMPTS = 16;
/** Minutes are counted from 2020-01-01 in 26 bits (until 2147). */
const EPOCH = Date.UTC(2020, 0, 1);
const MINUTES = 2 ** 26;
/** Bounds on what a hostile string may claim (far above any lesson). */
const MAX_GROUP = 100_000;
const MAX_TEXT_COST = 60_000;
const MAX_PAIRS = 10_000;

// ---------------------------------------------------------------------------------------------
// Hashes

const hashMod = (text: string, modulus: number) => fnv1a(text) % modulus;
const lessonHash = (lesson: Lesson) => hashMod(`lesson|${lesson.id}`, 2 ** 16);
const versionHash = (lesson: Lesson) => hashMod(`version|${lesson.version}`, 2 ** 16);
const pagesHash = (lesson: Lesson) => hashMod(`pages|${lessonIndex(lesson).pages.join(',')}`, 2 ** 12);


/** Base-47 variable-length count (P1's): "!".."O" ends it, "P".."~" continues it. */
function countText(n: number): string {
  let out = '';
  while (n >= 47) {
    out += String.fromCharCode(0x21 + 47 + (n % 47));
    n = Math.floor(n / 47);
  }
  return out + String.fromCharCode(0x21 + n);
}

function readCount(s: string, pos: number): [number, number] {
  let n = 0;
  let scale = 1;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(pos++) - 0x21;
    if (!(d >= 0 && d < 94)) break;
    if (d < 47) return [n + d * scale, pos];
    n += (d - 47) * scale;
    scale *= 47;
  }
  throw new DecodeError('bad length');
}

// ---------------------------------------------------------------------------------------------
// Texts

interface TextField {
  /** UTF-16 code units of the text. */
  units: number;
  escaped: string;
  /** The compressed bits when they are shorter than the escaped text, else null. */
  bits: number[] | null;
}

// Compressing is the costly part of encoding and encodeState runs at every save, while the texts
// rarely change between saves: remember the last results.
const textCache = new Map<string, TextField>();
function textField(text: string): TextField {
  let field = textCache.get(text);
  if (!field) {
    const escaped = escapeText(text);
    const bits = compressBits(text);
    // Compressed only when it saves more than its extra length field (units) costs.
    field = { units: text.length, escaped, bits: bits.length + 16 < escaped.length * LOG2_BASE ? bits : null };
    if (textCache.size >= 32) textCache.delete(textCache.keys().next().value!);
    textCache.set(text, field);
  }
  return field;
}

// ---------------------------------------------------------------------------------------------
// Encode

/** One stored answer or draft: attempts 0 is a draft (reflections only). */
interface Entry {
  q: Question;
  attempts: number;
  response: Response | null;
  /** The state's own response object (the key of the caches above). */
  source: object;
  text: TextField | null;
}

interface Plan {
  lesson: Lesson;
  state: LessonState;
  groups: { type: QuestionType; size: number; entries: (Entry | null)[] }[];
  latest: number;
  answered: number;
  escaped: string;
}

// States are immutable, so an unchanged answer keeps its response object from save to save: the
// check that it can be stored (for a highlight, against the segment's words) and a highlight's bit
// set are remembered.
const storableCache = new WeakMap<object, { q: Question; canonical: Response | null; marks?: Marks }>();
function canonicalOf(lesson: Lesson, q: Question, response: Response): Response | null {
  const key = typeof response === 'object' && response !== null ? response : null;
  const cached = key ? storableCache.get(key) : undefined;
  if (cached?.q === q) return cached.canonical;
  const canonical = storable(lesson, q, response);
  if (key) storableCache.set(key, { q, canonical });
  return canonical;
}

/** The marked words before the last as bits (the last marked word ends the set: its bit goes
 * without saying), or, when shorter, as runs: each a gap and a length − 1, counted in words up to
 * the last (a radix of last + 1). */
function marksOf(response: Extract<Response, { type: 'highlight' }>, source: object): Marks {
  const cached = storableCache.get(source);
  if (cached?.marks) return cached.marks;
  const words = response.words;
  const last = words[words.length - 1]!;
  const runs: number[] = [];
  let end = 0;
  for (let k = 0; k < words.length; k++) {
    if (k > 0 && words[k] === words[k - 1]! + 1) runs[runs.length - 1]!++;
    else {
      runs.push(words[k]! - end, 0);
    }
    end = words[k]! + 1;
  }
  let marks: Marks;
  if (Math.log2(last + 1) * (runs.length + 1) < last) marks = { runs };
  else {
    const bits = Array.from({ length: last }, () => false);
    for (const i of words) if (i < last) bits[i] = true;
    marks = { bits };
  }
  if (cached) cached.marks = marks;
  return marks;
}

type Marks = { bits: boolean[]; runs?: undefined } | { runs: number[]; bits?: undefined };

function plan(lesson: Lesson, state: LessonState): Plan {
  let latest = 0;
  let answered = 0;
  let escaped = '';
  const groups = GROUPS.map((type) => {
    const questions = lesson.questions.filter((q) => q.type === type);
    const entries = questions.map((q): Entry | null => {
      const a = state.answers[q.id];
      if (a && a.type === q.type && Number.isSafeInteger(a.attempts) && a.attempts >= 1) {
        const response = canonicalOf(lesson, q, a.response);
        // A multiple-choice mask is a JavaScript number: no lesson has more than 26 options.
        if (response && !(q.type === 'multiple' && q.options.length > 52)) {
          latest = Math.max(latest, Number.isFinite(a.at) ? a.at : 0);
          const text = response.type === 'reflection' ? textField(response.text) : null;
          return { q, attempts: Math.min(a.attempts, MAX_ATTEMPTS), response, source: a.response, text };
        }
      }
      const draft = state.drafts[q.id];
      const kept = q.type === 'reflection' && typeof draft === 'string' && !a?.locked ? clipToCost(draft, q.maxLength) : '';
      if (kept !== '') return { q, attempts: 0, response: null, source: {}, text: textField(kept) };
      return null;
    });
    for (const e of entries) {
      if (!e) continue;
      answered++;
      if (e.text && !e.text.bits) escaped += e.text.escaped;
    }
    return { type, size: questions.length, entries };
  });
  return { lesson, state, groups, latest, answered, escaped };
}

const maxOf = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);

function writeFields(p: Plan, c: number): RadixWriter {
  const { lesson, state } = p;
  const w = new RadixWriter();
  w.put(lessonHash(lesson), 2 ** 16).put(versionHash(lesson), 2 ** 16).put(pagesHash(lesson), 2 ** 12);
  w.put(c - FP_MIN, FP_MAX - FP_MIN + 1);
  w.put(Math.min(MINUTES - 1, Math.max(0, Math.floor((p.latest - EPOCH) / 60_000))), MINUTES);
  const most = maxOf(p.groups.flatMap((g) => g.entries.map((e) => e?.attempts ?? 0)));
  w.put(most, MAX_ATTEMPTS + 1);

  for (const { type, size, entries } of p.groups) {
    const stored = entries.filter((e): e is Entry => e !== null);
    // Status: 0 not answered, else the tries used, or (reflections) most + 1 for a draft.
    w.count(size);
    for (const e of entries) w.put(e === null ? 0 : e.attempts || most + 1, most + (type === 'reflection' ? 2 : 1));
    if (!stored.length) continue;

    // The group's field sizes, from its largest answered question.
    const qs = stored.map((e) => e.q);
    const options = maxOf(qs.map((q) => (q.type === 'single' || q.type === 'multiple' ? q.options.length : 0)));
    const pairs = maxOf(qs.map((q) => (q.type === 'match' ? q.pairs.length : 0)));
    const choices = maxOf(qs.map((q) => (q.type === 'match' ? q.choices.length : 0)));
    const ends = stored.map((e) => (e.response?.type === 'highlight' ? e.response.words[e.response.words.length - 1]! + 1 : 0));
    const costs = stored.map((e) => e.text?.escaped.length ?? 0);
    if (type === 'single' || type === 'multiple') w.count(options);
    if (type === 'match') w.count(pairs).count(choices);
    if (type === 'highlight') w.count(maxOf(ends));
    if (type === 'reflection') w.count(maxOf(costs));

    stored.forEach((e, i) => {
      w.put(fingerprint(lesson, e.q, c), 2 ** c);
      const r = e.response;
      if (r?.type === 'single') {
        w.put((e.q as Extract<Question, { type: 'single' }>).options.findIndex((o) => o.id === r.choice), options);
      } else if (r?.type === 'multiple') {
        const chosen = new Set(r.choices);
        const ids = (e.q as Extract<Question, { type: 'multiple' }>).options.map((o) => o.id);
        w.bits(Array.from({ length: options }, (_, k) => k < ids.length && chosen.has(ids[k]!)));
      } else if (r?.type === 'match') {
        const mq = e.q as Extract<Question, { type: 'match' }>;
        for (let k = 0; k < pairs; k++) {
          const pair = mq.pairs[k];
          w.put(pair ? mq.choices.indexOf(r.pairs[pair.id] ?? '\u0000') + 1 : 0, choices + 1);
        }
      } else if (r?.type === 'highlight') {
        const last = ends[i]! - 1;
        const marks = marksOf(r, e.source);
        w.put(last, maxOf(ends)).put(marks.runs ? 1 : 0, 2);
        if (marks.runs) {
          w.put(marks.runs.length / 2 - 1, last + 1);
          for (const n of marks.runs) w.put(n, last + 1);
        } else w.bits(marks.bits);
      } else if (e.text) {
        const cost = maxOf(costs);
        if (e.text.bits) {
          w.put(1, 2).put(e.text.units - 1, cost).put(e.text.bits.length, 7 * cost + 1).bits(e.text.bits);
        } else {
          w.put(0, 2).put(e.text.escaped.length - 1, cost);
        }
      }
    });
  }

  const { pages } = lessonIndex(lesson);
  const visited = new Set(state.visited);
  w.put(Math.max(0, pages.indexOf(state.location)), pages.length).bits(pages.map((pg) => visited.has(pg)));
  return w;
}

function lengthWith(digits: number, escaped: number): number {
  return FORMAT.length + countText(digits).length + digits + escaped + 4;
}

function render(p: Plan, c: number): string {
  const w = writeFields(p, c);
  const body = FORMAT + (() => {
    const digits = digitsFor(w.product());
    return countText(digits) + writeDigits(w.value(), digits);
  })() + p.escaped;
  return body + checksum(body);
}

const checksum = (body: string) => writeDigits(BigInt(hashMod(body, 94 ** 4)), 4);

/** Encode a state of `lesson` for suspend data. Answers and drafts the lesson has no question
 * for, invalid responses and non-reflection drafts are left out; a draft longer than its
 * question's maxLength is cut to it (the text area never lets it grow longer). The fingerprints
 * are as wide as keeps the string within ROOM (at least FP_MIN). */
export function encodeState(lesson: Lesson, state: LessonState): string {
  const p = plan(lesson, state);
  const room = roomFor(lesson);
  const widest = render(p, FP_MAX);
  if (widest.length <= room) return widest;
  // From the estimated width down, checked exactly.
  const bits = writeFields(p, FP_MIN).size;
  let c = FP_MAX - 1;
  while (c > FP_MIN && lengthWith(Math.ceil((bits + p.answered * (c - FP_MIN)) / LOG2_BASE), p.escaped.length) > room + 1) c--;
  for (;;) {
    const out = render(p, c);
    if (out.length <= room || c === FP_MIN) return out;
    c--;
  }
}

const rooms = new WeakMap<object, number>();
/**
 * How long a save of `lesson` may grow by widening its fingerprints: the worst case at the
 * narrowest (no state is longer at that width), or ROOM if that is more. So only a state close to
 * the worst case, where nearly every question is answered, has narrow fingerprints; a student
 * with few answers and long text keeps wide ones.
 *
 * Worked out once per lesson: a lesson that arrives page by page (src/model/pages.ts) becomes a
 * new object with each page merged in, but its outline (its `pageFiles` stays the same object)
 * already holds everything the worst case depends on (ids, types, shapes, tries, maxLength,
 * segment word counts), so the room is the outline's. At a thousand questions the worst case
 * takes tens of milliseconds, and every save after a page change would pay it again.
 */
function roomFor(lesson: Lesson): number {
  const key: object = lesson.pageFiles ?? lesson;
  let room = rooms.get(key);
  if (room === undefined) rooms.set(key, (room = Math.max(ROOM, render(plan(lesson, worstCaseState(lesson)), FP_MIN).length)));
  return room;
}

// ---------------------------------------------------------------------------------------------
// Decode

interface Item {
  position: number;
  fingerprint: number;
  /** 0 for a draft. */
  attempts: number;
  stored: Stored;
}

/** The sizes of a group's largest answered question: a question larger than these was changed. */
interface Sizes {
  options: number;
  pairs: number;
  choices: number;
}

interface Parsed {
  lesson: number;
  version: number;
  width: number;
  at: number;
  groups: { type: QuestionType; size: number; items: Item[]; sizes: Sizes }[];
  pages: { hash: number; reader: RadixReader };
}

function parse(raw: string): Parsed | 'corrupt' {
  if (raw.length < FORMAT.length + 6) return 'corrupt';
  const body = raw.slice(0, -4);
  if (raw.slice(-4) !== checksum(body)) return 'corrupt';
  const [digits, start] = readCount(body, FORMAT.length);
  if (start + digits > body.length) return 'corrupt';
  const n = readDigits(body.slice(start, start + digits));
  if (n === null) return 'corrupt';
  const texts = body.slice(start + digits);
  let textPos = 0;

  const r = new RadixReader(n, digits, (why) => new DecodeError(why));
  const bounded = (value: number, max: number) => {
    if (value > max) throw new DecodeError('count out of range');
    return value;
  };
  const parsed: Parsed = {
    lesson: r.get(2 ** 16),
    version: r.get(2 ** 16),
    pages: { hash: r.get(2 ** 12), reader: r },
    width: FP_MIN + r.get(FP_MAX - FP_MIN + 1),
    at: EPOCH + r.get(MINUTES) * 60_000,
    groups: [],
  };
  const most = r.get(MAX_ATTEMPTS + 1);
  for (const type of GROUPS) {
    const size = bounded(r.count(), MAX_GROUP);
    const statuses = Array.from({ length: size }, () => r.get(most + (type === 'reflection' ? 2 : 1)));
    const items: Item[] = [];
    if (statuses.every((s) => s === 0)) continue;
    const options = type === 'single' || type === 'multiple' ? bounded(r.count(), 52) : 0;
    const pairs = type === 'match' ? bounded(r.count(), MAX_PAIRS) : 0;
    const choices = type === 'match' ? bounded(r.count(), MAX_PAIRS) : 0;
    parsed.groups.push({ type, size, items, sizes: { options, pairs, choices } });
    const end = type === 'highlight' ? bounded(r.count(), MAX_GROUP * 10) : 0;
    const cost = type === 'reflection' ? bounded(r.count(), MAX_TEXT_COST) : 0;
    statuses.forEach((status, position) => {
      if (status === 0) return;
      const fp = r.get(2 ** parsed.width);
      const attempts = status === most + 1 ? 0 : status;
      let stored: Stored;
      switch (type) {
        case 'single':
          stored = { type, index: r.get(options) };
          break;
        case 'multiple':
          stored = { type, mask: r.bits(options).reduce((mask, on, k) => (on ? mask + 2 ** k : mask), 0) };
          break;
        case 'match':
          stored = { type, choices: Array.from({ length: pairs }, () => r.get(choices + 1)) };
          break;
        case 'highlight': {
          const last = r.get(end);
          const words: number[] = [];
          if (r.get(2)) {
            let next = 0;
            for (let n = r.get(last + 1) + 1; n > 0; n--) {
              const start = next + r.get(last + 1);
              next = start + r.get(last + 1) + 1;
              if (next > last + 1) throw new DecodeError('marks past the last');
              for (let k = start; k < next; k++) words.push(k);
            }
            if (words[words.length - 1] !== last) throw new DecodeError('marks end elsewhere');
          } else {
            r.bits(last).forEach((on, k) => on && words.push(k));
            words.push(last);
          }
          stored = { type, words };
          break;
        }
        case 'reflection': {
          let text: string | null;
          if (r.get(2)) {
            const units = r.get(cost) + 1;
            text = decompressBits(r.bits(r.get(7 * cost + 1)).map(Number), units);
          } else {
            const length = r.get(cost) + 1;
            text = textPos + length <= texts.length ? unescapeText(texts.slice(textPos, textPos + length)) : null;
            textPos += length;
          }
          if (text === null) throw new DecodeError('bad text');
          stored = { type, text };
          break;
        }
      }
      items.push({ position, fingerprint: fp, attempts, stored });
    });
  }
  if (textPos !== texts.length) throw new DecodeError('trailing text');
  return parsed;
}

/**
 * Which new question (index into `now`) each old item goes to, or −1. The monotone matching that
 * best explains the fingerprints: each match is worth `width` bits of evidence, each change of the
 * offset between new and old positions costs EDIT_BITS (the offset starts at 0 and ends at the
 * difference in group sizes). The same version aligns as itself; an inserted or removed question
 * costs one change. Then answers to questions that moved past others (see below).
 */
function align(items: readonly Item[], oldSize: number, now: readonly number[], width: number): number[] {
  const byFingerprint = new Map<number, number[]>();
  now.forEach((fp, j) => byFingerprint.set(fp, [...(byFingerprint.get(fp) ?? []), j]));
  const endOffset = now.length - oldSize;
  interface Link {
    item: number;
    to: number;
    offset: number;
    score: number;
    prev: number;
  }
  const links: Link[] = [];
  // Best score of a chain ending before new position j (a Fenwick tree of prefix maxima) and of a
  // chain ending at each offset (a later item at the same offset is always past it).
  const tree: { score: number; link: number }[] = Array.from({ length: now.length + 1 }, () => ({ score: -Infinity, link: -1 }));
  const byOffset = new Map<number, { score: number; link: number }>();
  items.forEach((it, i) => {
    const fresh: Link[] = [];
    for (const j of byFingerprint.get(it.fingerprint) ?? []) {
      const offset = j - it.position;
      // Between chains that explain the fingerprints equally well, the one that reaches the final
      // offset soonest: where a chance fingerprint match competes with a real one next to an
      // inserted or removed question, the real one wins.
      const gain = width + (offset === endOffset ? TIE : 0);
      let score = gain - (offset === 0 ? 0 : EDIT_BITS);
      let prev = -1;
      for (let k = j; k > 0; k -= k & -k) {
        if (tree[k]!.score + gain - EDIT_BITS > score) {
          score = tree[k]!.score + gain - EDIT_BITS;
          prev = tree[k]!.link;
        }
      }
      const same = byOffset.get(offset);
      if (same && same.score + gain > score) {
        score = same.score + gain;
        prev = same.link;
      }
      fresh.push({ item: i, to: j, offset, score, prev });
    }
    if (links.length + fresh.length > 200_000) throw new DecodeError('too many candidates');
    for (const link of fresh) {
      const index = links.push(link) - 1;
      for (let k = link.to + 1; k <= now.length; k += k & -k) if (link.score > tree[k]!.score) tree[k] = { score: link.score, link: index };
      const same = byOffset.get(link.offset);
      if (!same || link.score > same.score) byOffset.set(link.offset, { score: link.score, link: index });
    }
  });
  let best = endOffset === 0 ? 0 : -EDIT_BITS;
  let last = -1;
  links.forEach((link, index) => {
    const score = link.score - (link.offset === endOffset ? 0 : EDIT_BITS);
    if (score > best) {
      best = score;
      last = index;
    }
  });
  const target = items.map(() => -1);
  for (let k = last; k >= 0; k = links[k]!.prev) target[links[k]!.item] = links[k]!.to;

  // A question moved past others cannot be kept in order: an answer still unmatched goes to the
  // one unclaimed question with its fingerprint, when the fingerprint outweighs a move (two
  // changes) and the choice among the unclaimed questions.
  const claimed = new Set(target);
  const open = now.length - (claimed.size - (claimed.has(-1) ? 1 : 0));
  if (width - Math.log2(Math.max(1, open)) <= 2 * EDIT_BITS) return target;
  const picks = new Map<number, number[]>();
  items.forEach((it, i) => {
    if (target[i] !== -1) return;
    const free = (byFingerprint.get(it.fingerprint) ?? []).filter((j) => !claimed.has(j));
    if (free.length === 1) picks.set(free[0]!, [...(picks.get(free[0]!) ?? []), i]);
  });
  for (const [j, wanting] of picks) if (wanting.length === 1) target[wanting[0]!] = j;
  return target;
}

/** Whether `q` is no larger than the group's largest answered question was: a larger one has
 * changed since (this catches added options and devices whatever the fingerprint width). */
function fitsGroup(q: Question, sizes: Sizes): boolean {
  if (q.type === 'single' || q.type === 'multiple') return q.options.length <= sizes.options;
  if (q.type === 'match') return q.pairs.length <= sizes.pairs && q.choices.length <= sizes.choices;
  return true;
}

/** A match response has a slot per pair of the group's largest question: those past `q`'s pairs
 * must be empty. */
function storedFor(q: Question, stored: Stored): Stored {
  if (stored.type !== 'match' || q.type !== 'match') return stored;
  return stored.choices.slice(q.pairs.length).some((c) => c !== 0) ? { ...stored, choices: [] } : { ...stored, choices: stored.choices.slice(0, q.pairs.length) };
}

function decodeP3(lesson: Lesson, raw: string): Decoded {
  const parsed = parse(raw);
  if (parsed === 'corrupt') return fresh(lesson, 'corrupt');
  if (parsed.lesson !== lessonHash(lesson)) return fresh(lesson, 'foreign');

  const answers: Record<Id, AnswerState> = {};
  const drafts: Record<Id, string> = {};
  for (const group of parsed.groups) {
    if (!group.items.length) continue;
    const questions = lesson.questions.filter((q) => q.type === group.type);
    const target = align(group.items, group.size, questions.map((q) => fingerprint(lesson, q, parsed.width)), parsed.width);
    group.items.forEach((item, i) => {
      const q = questions[target[i]!];
      const response = q && fitsGroup(q, group.sizes) && responseFor(lesson, q, storedFor(q, item.stored));
      if (!q || !response) return;
      if (item.attempts) answers[q.id] = answerFor(q, response, item.attempts, 0, parsed.at, questionWords(lesson, q));
      else if (response.type === 'reflection') drafts[q.id] = response.text;
    });
  }

  const state = initialState(lesson);
  const { pages } = lessonIndex(lesson);
  if (parsed.pages.hash === pagesHash(lesson)) {
    const r = parsed.pages.reader;
    const location = r.get(pages.length);
    const visited = r.bits(pages.length);
    // A hash shared by another page order by chance leaves fields unread: then start afresh.
    if (r.done()) {
      state.location = pages[location] ?? state.location;
      state.visited = pages.filter((pg, i) => visited[i] || pg === state.location);
    }
  }
  state.answers = answers;
  state.drafts = drafts;
  if (parsed.version === versionHash(lesson)) return { state, notice: null };
  const kept = Object.keys(answers).length + Object.keys(drafts).length;
  return kept ? { state, notice: 'migrated' } : fresh(lesson, 'outdated');
}

/**
 * Decode suspend data for `lesson`, written in this format or the first one (P1). Never throws.
 * Empty or missing data is a fresh start without a notice; otherwise the notice tells the UI what
 * happened (see the module comment).
 */
export function decodeState(lesson: Lesson, raw: string | null | undefined): Decoded {
  if (raw === null || raw === undefined || raw === '') return fresh(lesson, null);
  try {
    if (typeof raw !== 'string') return fresh(lesson, 'corrupt');
    if (raw.startsWith(FORMAT)) return decodeP3(lesson, raw);
    if (raw.startsWith(FORMAT_P1)) return decodeP1(lesson, raw);
    return fresh(lesson, 'corrupt');
  } catch {
    return fresh(lesson, 'corrupt');
  }
}

// ---------------------------------------------------------------------------------------------
// Worst case

export interface WorstCaseOptions {
  /** The text of each reflection; cut to the question's maxLength. Default: the costliest text
   * for its length (random printable ASCII, which no compressor shortens) at exactly maxLength. */
  text?: (question: ReflectionQuestion) => string;
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
 * try, every highlight marking every other word up to the segment's last, and every reflection
 * submitted at its maxLength. (Which option or device is chosen changes no field's size.)
 */
export function worstCaseState(lesson: Lesson, options: WorstCaseOptions = {}): LessonState {
  const { pages } = lessonIndex(lesson);
  const state = initialState(lesson);
  state.location = pages[pages.length - 1] ?? state.location;
  state.visited = [...pages];
  const at = Date.UTC(2030, 0, 1);
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
    state.answers[q.id] = answerFor(q, response, Math.max(1, q.tries), MAX_LATENCY, at, words);
  });
  return state;
}

/**
 * The longest suspend data any state of `lesson` can take (see `worstCaseState`; with `options`,
 * the longest for those texts): must be ≤ SUSPEND_LIMIT. Every save is at most the lesson's room
 * (`roomFor`: the worst state at the narrowest fingerprints, or ROOM) and at most the worst state
 * at the widest fingerprints.
 */
export function worstCaseLength(lesson: Lesson, options?: WorstCaseOptions): number {
  return Math.min(roomFor(lesson), render(plan(lesson, worstCaseState(lesson, options)), FP_MAX).length);
}
