/**
 * Students who saved with the P1 release resume after the upgrade: the codec still reads P1, with
 * its per-answer times, and migrates it to a new lesson version as P1 did. Pinned by saves the P1
 * release wrote (codec-p1.fixtures.ts) and, for any state, by a copy of its writer
 * (codec-p1-writer.ts) that reproduces those saves exactly.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, FORMAT } from '../../src/core/codec.js';
import { checkAnswer, goTo, initialState, saveDraft } from '../../src/core/state.js';
import type { LessonState, Response } from '../../src/core/types.js';
import type { Lesson } from '../../src/model/lesson.js';
import { DEFAULT_LESSON, prepareLesson } from '../../src/packager/build.js';
import { encodeP1 } from './codec-p1-writer.js';
import { P1_HEROES, P1_HEROES_DECODED, P1_SYNTHETIC, P1_SYNTHETIC_DECODED } from './codec-p1.fixtures.js';
import { englishText, highlight, lessonWith, options, single, segment, syntheticLesson, talkText } from './fixtures.js';
import { resumed, stateArb } from './codec-support.js';

const T0 = Date.UTC(2025, 2, 3, 9, 30);
const root = join(__dirname, '..', '..');

/** The state the fixtures were written from: a student midway, some questions left, some on a
 * second try, a draft with characters that need escaping. */
function midwayState(l: Lesson): LessonState {
  let s = initialState(l);
  const pages = ['intro', 'pre', ...l.segments.slice(0, 6).map((x) => x.id)];
  for (const p of pages) s = goTo(l, s, p);
  let k = 0;
  for (const q of l.questions.filter((x) => pages.includes(x.page))) {
    k++;
    if (k % 7 === 3) continue;
    let r: Response;
    switch (q.type) {
      case 'single': r = { type: 'single', choice: q.options[k % q.options.length]!.id }; break;
      case 'multiple': r = { type: 'multiple', choices: q.options.filter((_, i) => (i + k) % 2 === 0).map((o) => o.id) }; break;
      case 'match': r = { type: 'match', pairs: Object.fromEntries(q.pairs.map((p, i) => [p.id, q.choices[(i + k) % q.choices.length]!])) }; break;
      case 'highlight': r = { type: 'highlight', words: [k, k + 1, k + 2, 3 * k + 10, 3 * k + 11] }; break;
      case 'reflection': r = { type: 'reflection', text: englishText(q.maxLength - 20, k) + ' “quoted” — é' }; break;
    }
    s = checkAnswer(l, s, q.id, r, { now: T0 + k * 61_000, latency: 10 + k });
    if (k % 5 === 0 && !s.answers[q.id]!.locked) s = checkAnswer(l, s, q.id, r, { now: T0 + k * 61_000 + 30_000, latency: 20 + k });
  }
  const open = l.questions.find((q) => q.type === 'reflection' && !s.answers[q.id]);
  if (open) s = saveDraft(s, open.id, 'Half a thought “in progress”… ~`^|\\{}<> 김 😀');
  return goTo(l, s, l.segments[3]!.id);
}

/** What P1 decoding gives back: everything exact except `at`, which P1 keeps to the minute. */
const toMinute = (state: LessonState): LessonState => ({
  ...state,
  answers: Object.fromEntries(Object.entries(state.answers).map(([id, a]) => [id, { ...a, at: Math.floor(a.at / 60_000) * 60_000 }])),
});

describe('saves written by the P1 release', () => {
  const synthetic = syntheticLesson();

  it('resume as they did (synthetic heroes-shaped lesson): answers, tries, times, drafts, place', () => {
    expect(P1_SYNTHETIC.startsWith('P1')).toBe(true);
    expect(decodeState(synthetic, P1_SYNTHETIC)).toEqual(P1_SYNTHETIC_DECODED);
    expect(P1_SYNTHETIC_DECODED.state.drafts).not.toEqual({});
    expect(Object.values(P1_SYNTHETIC_DECODED.state.answers).some((a) => a.attempts === 2)).toBe(true);
  });

  it(`resume as they did on ${DEFAULT_LESSON} 1.0.0 (a save of the package in LMSs today)`, () => {
    const heroes = prepareLesson(join(root, 'lessons', DEFAULT_LESSON), root).lesson!;
    // When heroes-1988 gets a new version, its P1 saves migrate: expect notice 'migrated', the new
    // version, and the answers to changed questions gone, exactly as students would see it.
    expect(decodeState(heroes, P1_HEROES)).toEqual(P1_HEROES_DECODED);
  });

  it('are what the P1 writer kept for the tests produces (so the property below tests real P1)', () => {
    expect(encodeP1(synthetic, midwayState(synthetic))).toBe(P1_SYNTHETIC);
  });

  it('of any state the reducer can reach resume exactly (times to the minute)', () => {
    fc.assert(
      fc.property(stateArb(synthetic), (state) => {
        expect(decodeState(synthetic, encodeP1(synthetic, state))).toEqual({ state: toMinute(state), notice: null });
      }),
      { numRuns: 40 },
    );
  });

  it('are written back in the current format at the next save, losing nothing resume needs', () => {
    const { state } = decodeState(synthetic, P1_SYNTHETIC);
    const again = encodeState(synthetic, state);
    expect(again.startsWith(FORMAT)).toBe(true);
    expect(again.length).toBeLessThan(P1_SYNTHETIC.length);
    expect(decodeState(synthetic, again)).toEqual({ state: resumed(state), notice: null });
  });

  it('migrate to a new lesson version as P1 did: kept where id, type and shape still match', () => {
    const s1 = segment('s01_a', 1, talkText(80, 1));
    const s2 = segment('s02_b', 2, talkText(80, 2));
    const v1 = lessonWith([s1, s2], [single('s01_q1_keep', s1.id), single('s01_q2_reoptioned', s1.id), highlight('s02_q1_mark', s2)]);
    let state = initialState(v1);
    for (const id of ['s01_q1_keep', 's01_q2_reoptioned']) state = checkAnswer(v1, state, id, { type: 'single', choice: 'b' }, { now: T0, latency: 4 });
    state = checkAnswer(v1, state, 's02_q1_mark', { type: 'highlight', words: [2, 3, 4] }, { now: T0, latency: 4 });
    const v2 = lessonWith([s1, s2], [highlight('s02_q1_mark', s2), single('s01_q2_reoptioned', s1.id, { options: options(5, [0]) }), single('s01_q1_keep', s1.id)], { version: '1.1.0' });
    const { state: migrated, notice } = decodeState(v2, encodeP1(v1, state));
    expect(notice).toBe('migrated');
    expect(Object.keys(migrated.answers).sort()).toEqual(['s01_q1_keep', 's02_q1_mark']);
  });

  it('never throw when damaged, and are refused as corrupt', () => {
    fc.assert(
      fc.property(fc.nat(P1_SYNTHETIC.length - 1), fc.string({ minLength: 1, maxLength: 1 }), (at, c) => {
        const raw = P1_SYNTHETIC.slice(0, at) + c + P1_SYNTHETIC.slice(at + 1);
        if (raw !== P1_SYNTHETIC) expect(decodeState(synthetic, raw)).toEqual({ state: initialState(synthetic), notice: 'corrupt' });
      }),
      { numRuns: 300 },
    );
  });
});
