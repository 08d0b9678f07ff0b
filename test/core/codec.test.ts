import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeState,
  encodeState,
  FORMAT,
  REFLECTION_BUDGET,
  SUSPEND_LIMIT,
  worstCaseLength,
  worstCaseState,
} from '../../src/core/codec.js';
import { highlightKey } from '../../src/core/scoring.js';
import { checkAnswer, goTo, initialState, saveDraft } from '../../src/core/state.js';
import { clipToCost } from '../../src/core/text.js';
import type { LessonState, Response } from '../../src/core/types.js';
import { segmentWords } from '../../src/core/words.js';
import type { Lesson, Question, ReflectionQuestion } from '../../src/model/lesson.js';
import { fingerprint } from '../../src/core/codec-common.js';
import { answeredAll, printableAscii, reflectionsOf, responses, resumed, stateArb, T0 } from './codec-support.js';
import { englishText, highlight, lessonWith, match, multiple, options, reflection, segment, single, syntheticLesson, talkText } from './fixtures.js';

const lesson = syntheticLesson();

/** A state with something of every kind in it. */
function sampleState(l: Lesson = lesson): LessonState {
  let s = initialState(l);
  s = goTo(l, s, l.segments[0]!.id);
  for (const q of l.questions.slice(0, 20)) {
    const response: Response =
      q.type === 'single' ? { type: 'single', choice: 'b' }
      : q.type === 'multiple' ? { type: 'multiple', choices: ['a', 'd'] }
      : q.type === 'match' ? { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.device])) }
      : q.type === 'highlight' ? { type: 'highlight', words: [3, 4, 5, 40] }
      : { type: 'reflection', text: englishText(250, 1) };
    s = checkAnswer(l, s, q.id, response, { now: T0 + 60_000 * l.questions.indexOf(q), latency: 30 });
  }
  const open = reflectionsOf(l).find((q) => !s.answers[q.id]);
  if (open) s = saveDraft(s, open.id, 'Half a thought “in progress”…');
  return s;
}

// ---------------------------------------------------------------------------------------------

describe('encodeState / decodeState', () => {
  it('round-trips a state with every kind of answer, a draft and visits', () => {
    const state = sampleState();
    const decoded = decodeState(lesson, encodeState(lesson, state));
    expect(decoded.notice).toBeNull();
    expect(decoded.state).toEqual(resumed(state));
  });

  it('round-trips any state the reducer can reach (times: the latest check’s minute)', () => {
    fc.assert(
      fc.property(stateArb(lesson), (state) => {
        const encoded = encodeState(lesson, state);
        expect(encoded).toMatch(printableAscii);
        expect(decodeState(lesson, encoded)).toEqual({ state: resumed(state), notice: null });
      }),
      { numRuns: 60 },
    );
  });

  it('writes printable ASCII only, whatever the student typed', () => {
    let s = initialState(lesson);
    const q = reflectionsOf(lesson)[0]!;
    s = checkAnswer(lesson, s, q.id, { type: 'reflection', text: '김정일 said “heroes”, 😀 \n\t and \u0000 — “?” ~`^|\\{}<>' + 'x'.repeat(40) }, { now: T0, latency: 1 });
    const encoded = encodeState(lesson, s);
    expect(encoded).toMatch(printableAscii);
    expect(decodeState(lesson, encoded).state).toEqual(resumed(s));
  });

  it('recomputes credit, result and lock from the stored response and tries', () => {
    let s = initialState(lesson);
    const q = lesson.questions.find((x) => x.type === 'single' && x.scored)!;
    s = checkAnswer(lesson, s, q.id, { type: 'single', choice: 'a' }, { now: T0, latency: 3 }); // wrong (key is b)
    s = checkAnswer(lesson, s, q.id, { type: 'single', choice: 'b' }, { now: T0, latency: 3 }); // right, 2nd try
    expect(decodeState(lesson, encodeState(lesson, s)).state.answers[q.id]).toMatchObject({ attempts: 2, credit: 0.5, result: 'correct', locked: true });
  });

  it('leaves out answers to questions the lesson does not have, and cuts an over-long draft to maxLength', () => {
    const q = reflectionsOf(lesson)[0]!;
    const s = { ...initialState(lesson), drafts: { [q.id]: 'y'.repeat(q.maxLength + 50), ghost: 'boo' } };
    const state = decodeState(lesson, encodeState(lesson, s)).state;
    expect(state.drafts).toEqual({ [q.id]: 'y'.repeat(q.maxLength) });
  });

  it('round-trips questions of different sizes in one type: 2 and 4 match pairs, 3 and 7 options', () => {
    const s1 = segment('s01_a', 1, talkText(60, 4));
    const small = match('s01_q1_two', s1, {});
    const l = lessonWith([s1], [
      { ...small, pairs: small.pairs.slice(0, 2), choices: small.choices.slice(0, 3) },
      match('s01_q2_four', s1),
      single('s01_q3_three', s1.id, { options: options(3, [0]) }),
      single('s01_q4_seven', s1.id, { options: options(7, [0]) }),
      multiple('s01_q5_three', s1.id, { options: options(3, [0]) }),
      multiple('s01_q6_seven', s1.id, { options: options(7, [0]) }),
      reflection('s01_q7_think', s1.id, { minLength: 5 }),
    ]);
    fc.assert(
      fc.property(stateArb(l, 30), (state) => {
        expect(decodeState(l, encodeState(l, state))).toEqual({ state: resumed(state), notice: null });
        const next = { ...l, version: '2.0.0', questions: [...l.questions].reverse() };
        // every question moved: kept all the same (the save has room for wide fingerprints)
        expect(responses(decodeState(next, encodeState(l, state)).state)).toEqual(responses(state));
      }),
      { numRuns: 60 },
    );
  });

  it('reads and writes the same before a segment’s text is loaded (the outline has word counts only)', () => {
    const outline: Lesson = {
      ...lesson,
      segments: lesson.segments.map((seg) => ({ ...seg, paragraphs: [], wordCount: segmentWords(seg).length })),
      questions: lesson.questions.map((q) =>
        q.type === 'highlight' ? { ...q, keyWords: highlightKey(q, segmentWords(lesson.segments.find((seg) => seg.id === q.page)!)) } : q,
      ),
    };
    const state = sampleState();
    const saved = encodeState(lesson, state);
    expect(encodeState(outline, state)).toBe(saved);
    expect(decodeState(outline, saved)).toEqual({ state: resumed(state), notice: null });
  });

  it('writes the same for a lesson arriving page by page at every stage: its outline, some pages merged, all of them', () => {
    // What the app holds: the outline (with its page files), then a new lesson object each time a
    // page's content is merged in. The fingerprint width depends on the lesson's worst case, which
    // the outline already fixes: a nearly full state (close to the worst case) shows it.
    const pageFiles = Object.fromEntries(lesson.segments.map((seg) => [seg.id, `pages/${seg.id}.js`]));
    const outline: Lesson = {
      ...lesson,
      pageFiles,
      pagesLoaded: [],
      segments: lesson.segments.map((seg) => ({ ...seg, paragraphs: [], wordCount: segmentWords(seg).length })),
      questions: lesson.questions.map((q) =>
        q.type === 'highlight' ? { ...q, keyWords: highlightKey(q, segmentWords(lesson.segments.find((seg) => seg.id === q.page)!)) } : q,
      ),
    };
    const first = lesson.segments[0]!;
    const partly: Lesson = { ...outline, segments: outline.segments.map((seg) => (seg.id === first.id ? first : seg)), pagesLoaded: [first.id] };
    const whole: Lesson = { ...lesson, pageFiles, pagesLoaded: lesson.segments.map((seg) => seg.id) };
    for (const state of [sampleState(), worstCaseState(lesson)]) {
      const saved = encodeState(lesson, state);
      expect([encodeState(outline, state), encodeState(partly, state), encodeState(whole, state)]).toEqual([saved, saved, saved]);
    }
    expect([worstCaseLength(outline), worstCaseLength(partly), worstCaseLength(whole)]).toEqual(Array(3).fill(worstCaseLength(lesson)));
  });

  it('starts fresh without a notice when there is no saved data', () => {
    expect(decodeState(lesson, '')).toEqual({ state: initialState(lesson), notice: null });
    expect(decodeState(lesson, null)).toEqual({ state: initialState(lesson), notice: null });
  });
});

describe('decodeState on bad input', () => {
  const valid = encodeState(lesson, sampleState());

  it('never throws on arbitrary strings, and calls them corrupt', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string().map((s) => `P1${s}`), fc.string().map((s) => `${FORMAT}${s}`)), (raw) => {
        const r = decodeState(lesson, raw);
        expect(r.notice === 'corrupt' || raw === '').toBe(true);
        expect(r.state).toEqual(initialState(lesson));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a damaged valid encoding, and refuses it as corrupt', () => {
    const mutation = fc.oneof(
      fc.record({ at: fc.nat(valid.length - 1), c: fc.string({ minLength: 1, maxLength: 1 }) }).map(({ at, c }) => valid.slice(0, at) + c + valid.slice(at + 1)),
      fc.nat(valid.length - 1).map((at) => valid.slice(0, at) + valid.slice(at + 1)),
      fc.record({ at: fc.nat(valid.length), c: fc.string({ minLength: 1, maxLength: 3 }) }).map(({ at, c }) => valid.slice(0, at) + c + valid.slice(at)),
      fc.nat(valid.length - 1).map((n) => valid.slice(0, n)),
    );
    fc.assert(
      fc.property(mutation, (raw) => {
        const r = decodeState(lesson, raw);
        if (raw !== valid && raw !== '') expect(r).toEqual({ state: initialState(lesson), notice: 'corrupt' });
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a truncated save (an LMS that cut suspend data short)', () => {
    expect(decodeState(lesson, valid.slice(0, -1)).notice).toBe('corrupt');
    expect(decodeState(lesson, valid.slice(0, valid.length / 2)).notice).toBe('corrupt');
  });

  it('refuses another lesson’s state as foreign', () => {
    const other = { ...lesson, id: 'another-lesson' };
    expect(decodeState(other, valid)).toEqual({ state: initialState(other), notice: 'foreign' });
  });

  it('refuses values that are not strings at all', () => {
    expect(decodeState(lesson, 42 as unknown as string).notice).toBe('corrupt');
  });
});

describe('decodeState for a new version of the lesson', () => {
  const s1 = segment('s01_a', 1, talkText(80, 1));
  const s2 = segment('s02_b', 2, talkText(80, 2));
  const v1 = lessonWith([s1, s2], [
    single('s01_q1_keep', s1.id, { tries: 2 }),
    single('s01_q2_gone', s1.id),
    single('s01_q3_retyped', s1.id),
    single('s01_q4_reoptioned', s1.id),
    highlight('s02_q1_mark', s2, { tries: 1 }),
    reflection('s02_q2_think', s2.id, { minLength: 5 }),
  ]);
  let state = initialState(v1);
  state = goTo(v1, state, 's02_b');
  for (const [id, response] of [
    ['s01_q1_keep', { type: 'single', choice: 'a' }],
    ['s01_q2_gone', { type: 'single', choice: 'a' }],
    ['s01_q3_retyped', { type: 'single', choice: 'a' }],
    ['s01_q4_reoptioned', { type: 'single', choice: 'a' }],
    ['s02_q1_mark', { type: 'highlight', words: [2, 3, 4] }],
    ['s02_q2_think', { type: 'reflection', text: 'My submitted thoughts.' }],
  ] as [string, Response][]) state = checkAnswer(v1, state, id, response, { now: T0, latency: 4 });
  const saved = encodeState(v1, state);

  it('keeps answers to questions that still exist with the same type and options, and re-scores them', () => {
    const v2 = lessonWith([s1, s2], [
      single('s01_q1_keep', s1.id, { tries: 2, options: options(4, [1]) }), // key corrected: a is now wrong
      { ...highlight('s01_q3_retyped', s1), page: s1.id },
      single('s01_q4_reoptioned', s1.id, { options: options(5, [0]) }),
      highlight('s02_q1_mark', s2, { tries: 1 }),
      reflection('s02_q2_think', s2.id, { minLength: 5 }),
      single('s02_q3_new', s2.id),
    ], { version: '1.1.0' });
    const { state: migrated, notice } = decodeState(v2, saved);
    expect(notice).toBe('migrated');
    expect(migrated.lessonVersion).toBe('1.1.0');
    expect(Object.keys(migrated.answers).sort()).toEqual(['s01_q1_keep', 's02_q1_mark', 's02_q2_think']);
    expect(migrated.answers.s01_q1_keep).toMatchObject({ attempts: 1, result: 'wrong', locked: false, credit: 0 });
    expect(migrated.answers.s02_q2_think!.response).toEqual({ type: 'reflection', text: 'My submitted thoughts.' });
    // same pages in the same order: visits and place carry over
    expect(migrated.visited).toEqual(['intro', 's02_b']);
    expect(migrated.location).toBe('s02_b');
  });

  it('starts the new page order afresh when the pages changed', () => {
    const s3 = segment('s03_c', 3, talkText(40, 3));
    const v2 = lessonWith([s1, s2, s3], [single('s01_q1_keep', s1.id, { tries: 2 })], { version: '2.0.0' });
    const { state: migrated, notice } = decodeState(v2, saved);
    expect(notice).toBe('migrated');
    expect(migrated.location).toBe('intro');
    expect(migrated.visited).toEqual(['intro']);
    expect(migrated.answers.s01_q1_keep).toMatchObject({ result: 'correct', credit: 1 });
  });

  it('starts fresh, saying the save is outdated, when nothing fits', () => {
    const v2 = lessonWith([s1, s2], [single('s01_q9_other', s1.id)], { version: '2.0.0' });
    expect(decodeState(v2, saved)).toEqual({ state: initialState(v2), notice: 'outdated' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('the worst case fits SCORM 1.2', () => {
  it('plans for a reflection budget of 5 × 300 + 1000', () => {
    expect(reflectionsOf(lesson).reduce((sum, q) => sum + q.maxLength, 0)).toBe(REFLECTION_BUDGET);
  });

  it('is a state of the lesson: everything answered on the last try, everything visited', () => {
    const worst = worstCaseState(lesson);
    expect(Object.keys(worst.answers)).toHaveLength(lesson.questions.length);
    expect(worst.visited).toHaveLength(lesson.segments.length + 5);
    expect(decodeState(lesson, encodeState(lesson, worst))).toEqual({ state: resumed(worst), notice: null });
  });

  it('fits 4096 characters with the costliest text in every reflection', () => {
    expect(worstCaseLength(lesson)).toBeLessThanOrEqual(SUSPEND_LIMIT);
  });

  it('fits 4096 characters for ANY text at maxLength: random printable Unicode, quotes, commas, emoji', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1500 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1500 }),
      fc.string({ unit: fc.constantFrom('"', "'", ',', '’', '“', '”', '—', '~', '\\', '\n', 'é', '김', '😀'), minLength: 1, maxLength: 1500 }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 6, maxLength: 6 }), (texts) => {
        let i = 0;
        // repeat each text until it reaches the limit, so every reflection is full
        const full = (q: ReflectionQuestion) => {
          const t = texts[i++ % 6]!;
          return clipToCost(t.repeat(Math.ceil(q.maxLength / t.length) + 1), q.maxLength);
        };
        const encoded = encodeState(lesson, worstCaseState(lesson, { text: full }));
        expect(encoded.length).toBeLessThanOrEqual(worstCaseLength(lesson));
        expect(encoded).toMatch(printableAscii);
      }),
      { numRuns: 40 },
    );
  });

  it('is the longest encoding: no reachable state encodes longer', () => {
    const worst = worstCaseLength(lesson);
    fc.assert(
      fc.property(stateArb(lesson), (state) => {
        expect(encodeState(lesson, state).length).toBeLessThanOrEqual(worst);
      }),
      { numRuns: 30 },
    );
  });

  it('stays within 3000 characters with realistic English prose at every maxLength', () => {
    let seed = 0;
    const english = worstCaseState(lesson, { text: (q) => englishText(q.maxLength + 60, seed++) });
    expect(reflectionsOf(lesson).every((q) => (english.answers[q.id]!.response as { text: string }).text.length >= q.maxLength - 30)).toBe(true);
    expect(encodeState(lesson, english).length).toBeLessThanOrEqual(3000);
  });

  it('fits for the largest shape REFLECTION_BUDGET is promised for: 70 questions, 12 highlights over 4000 words, 22 pages', () => {
    // 17 segments; the 12 longest (where the highlights go) have 333 words each
    const planned = syntheticLesson({}, { words: [...Array(12).fill(333), ...Array(5).fill(150)], singles: 22 });
    expect(planned.questions).toHaveLength(70);
    expect(reflectionsOf(planned).reduce((sum, q) => sum + q.maxLength, 0)).toBe(REFLECTION_BUDGET);
    const highlighted = new Set(planned.questions.filter((q) => q.type === 'highlight').map((q) => q.page));
    expect(planned.segments.filter((s) => highlighted.has(s.id)).reduce((n, s) => n + segmentWords(s).length, 0)).toBe(3996);
    expect(worstCaseState(planned).visited).toHaveLength(22);
    expect(worstCaseLength(planned)).toBeLessThanOrEqual(SUSPEND_LIMIT);
  });
});

// ---------------------------------------------------------------------------------------------
// Lesson updates: answers are stored by position, so every edit of the question list is tested.

const bump = (l: Lesson, questions: Question[]): Lesson => ({ ...l, version: `${l.version}+1`, questions });

/** The question so changed that no answer to it fits any more: another option count, another
 * device list, or (highlight, reflection) another question in its place. */
function changedQuestion(q: Question): Question {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...q, options: options(q.options.length + 1, [0]) };
    case 'match':
      return { ...q, choices: [...q.choices, 'red_herring_2'] };
    default:
      return { ...q, id: `${q.id}_new` };
  }
}

const EDITS = {
  changed: (l: Lesson, i: number) => bump(l, l.questions.map((q, k) => (k === i ? changedQuestion(q) : q))),
  removed: (l: Lesson, i: number) => bump(l, l.questions.filter((_, k) => k !== i)),
  inserted: (l: Lesson, i: number) => {
    const q = l.questions[i]!;
    const added = changedQuestion({ ...q, id: `${q.id}_added` } as Question);
    return bump(l, [...l.questions.slice(0, i), added, ...l.questions.slice(i)]);
  },
};

/** A student who answered every question, briefly: the first option, a few words, a sentence. */
function typicalState(l: Lesson): LessonState {
  return answeredAll(l, { words: [5, 6, 7, 30, 31], reflection: (q) => q.minLength + 40, sentences: 2, latency: 20 });
}

/**
 * A new version keeps every answer whose question is still there unchanged, and drops the others,
 * except (returned: the ids they landed on) those whose fingerprint matches by chance: at the
 * narrowest width (8 bits) one changed question in 256 keeps its answer, unless it grew.
 */
function expectKept(before: LessonState, after: Lesson, decoded: { state: LessonState; notice: unknown }, gone: string[]): string[] {
  const kept = Object.fromEntries(Object.entries(responses(before)).filter(([id]) => !gone.includes(id) && after.questions.some((q) => q.id === id)));
  const got = responses(decoded.state);
  expect(decoded.notice).toBe('migrated');
  expect(Object.fromEntries(Object.entries(got).filter(([id]) => id in kept))).toEqual(kept);
  return Object.keys(got).filter((id) => !(id in kept));
}

describe('a new lesson version keeps every answer but those to changed or removed questions', () => {
  const students = {
    'a typical student (widest fingerprints)': typicalState(lesson),
    'the worst case (narrowest fingerprints)': worstCaseState(lesson),
  };

  for (const [who, state] of Object.entries(students)) {
    const saved = encodeState(lesson, state);
    const narrow = who.includes('narrowest');
    for (const [edit, make] of Object.entries(EDITS)) {
      it(`${who}: any one question ${edit}`, () => {
        const stale = lesson.questions.flatMap((q, i) => {
          const next = make(lesson, i);
          return expectKept(state, next, decodeState(next, saved), edit === 'inserted' ? [] : [q.id]);
        });
        expect(stale.length).toBeLessThanOrEqual(narrow ? 1 : 0);
      });
    }
  }

  it('keeps an answer whose question moved elsewhere, and copes with several edits at once', () => {
    const state = typicalState(lesson);
    const saved = encodeState(lesson, state);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('changed', 'removed', 'inserted', 'moved'), fc.nat(1000), fc.nat(1000)), { minLength: 1, maxLength: 6 }), (edits) => {
        let next = lesson;
        const gone: string[] = [];
        for (const [edit, a, b] of edits) {
          const i = a % next.questions.length;
          if (edit === 'moved') {
            const rest = next.questions.filter((_, k) => k !== i);
            const to = b % (rest.length + 1);
            next = bump(next, [...rest.slice(0, to), next.questions[i]!, ...rest.slice(to)]);
          } else {
            if (edit !== 'inserted') gone.push(next.questions[i]!.id);
            next = EDITS[edit as keyof typeof EDITS](next, i);
          }
        }
        expect(expectKept(state, next, decodeState(next, saved), gone)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps drafts the same way', () => {
    const q = reflectionsOf(lesson)[1]!;
    const state = saveDraft(typicalState({ ...lesson, questions: lesson.questions.filter((x) => x.id !== q.id) }), q.id, 'Not checked yet');
    const next = EDITS.removed(lesson, 0);
    expect(decodeState(next, encodeState(lesson, state)).state.drafts).toEqual({ [q.id]: 'Not checked yet' });
  });
});

describe('at the narrowest fingerprints (8 bits, the worst case)', () => {
  // One reflection of 3000 incompressible characters leaves no room for wider fingerprints.
  const s1 = segment('s01_a', 1, talkText(60, 5));
  const essay = reflection('s01_q0_essay', s1.id, { minLength: 5, maxLength: 3000 });
  /** Singles q0 … q(n−1) on s1, then the essay; `rename` gives question i another id. */
  const build = (n: number, rename: Record<number, string> = {}) =>
    lessonWith([s1], [...Array.from({ length: n }, (_, i) => single(rename[i] ?? `s01_q${i + 1}_item`, s1.id)), essay]);
  /** Every single answered, the essay full of incompressible text (the worst case's). */
  const answered = (l: Lesson) => {
    const worst = worstCaseState(l);
    let s = initialState(l);
    for (const q of l.questions) {
      const response: Response = q.type === 'single' ? { type: 'single', choice: 'c' } : worst.answers[q.id]!.response;
      s = checkAnswer(l, s, q.id, response, { now: T0, latency: 5 });
    }
    return s;
  };
  /** An id for question i whose 8-bit fingerprint equals that of `like` (as the codec sees it). */
  function colliding(l: Lesson, like: Question, i: number): string {
    for (let k = 0; k < 10_000; k++) {
      const id = `s01_q${i + 1}_v${k}`;
      if (fingerprint(l, { ...like, id }, 8) === fingerprint(l, like, 8) && id !== like.id) return id;
    }
    throw new Error('no colliding id found');
  }

  it('drops the answer to a question that gained an option or a device, whatever the fingerprint', () => {
    const state = worstCaseState(lesson);
    const saved = encodeState(lesson, state);
    expect(saved.length).toBeGreaterThan(2048);
    lesson.questions.forEach((q, i) => {
      if (q.type !== 'single' && q.type !== 'multiple' && q.type !== 'match') return;
      const next = EDITS.changed(lesson, i);
      expect(expectKept(state, next, decodeState(next, saved), [q.id])).toEqual([]);
    });
  });

  it('keeps the right answers next to a removed or inserted question whose fingerprint is shared by chance', () => {
    const base = build(6);
    const p = 2;
    // removed: question p has the fingerprint of question p + 1, which takes its place
    const v1 = build(6, { [p + 1]: colliding(base, base.questions[p]!, p + 1) });
    const state = answered(v1);
    const saved = encodeState(v1, state);
    expect(saved.length).toBe(worstCaseLength(v1)); // so at the narrowest fingerprints
    const removed = { ...v1, version: '2', questions: v1.questions.filter((_, k) => k !== p) };
    expect(expectKept(state, removed, decodeState(removed, saved), [v1.questions[p]!.id])).toEqual([]);
    // inserted: a new question before p shares question p's fingerprint
    const added = single(colliding(v1, v1.questions[p]!, 90), s1.id);
    const inserted = { ...v1, version: '2', questions: [...v1.questions.slice(0, p), added, ...v1.questions.slice(p)] };
    expect(expectKept(state, inserted, decodeState(inserted, saved), [])).toEqual([]);
  });
});
