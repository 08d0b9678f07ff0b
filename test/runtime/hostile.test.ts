// @vitest-environment jsdom
/**
 * Every value from the LMS is untrusted. Garbage never throws, never reaches the lesson unchecked,
 * and never costs the learner an answer.
 */
import { describe, expect, it } from 'vitest';
import { decodeState } from '../../src/core/codec.js';
import { createTracker } from '../../src/runtime/scorm-tracker.js';
import { DIALECTS } from '../../src/runtime/vocabulary/index.js';
import { openSession, VERSIONS } from './support/harness.js';
import { FakeLms, MemoryStorage } from './support/lms.js';
import { LESSON } from './support/lesson.js';
import { Clock, fullSession, Student } from './support/student.js';

const ELEMENTS = {
  '1.2': {
    mastery: 'cmi.student_data.mastery_score',
    location: 'cmi.core.lesson_location',
    suspend: 'cmi.suspend_data',
    name: 'cmi.core.student_name',
    id: 'cmi.core.student_id',
    mode: 'cmi.core.lesson_mode',
    entry: 'cmi.core.entry',
    interactions: 'cmi.interactions._count',
    objectives: 'cmi.objectives._count',
  },
  '2004': {
    mastery: 'cmi.scaled_passing_score',
    location: 'cmi.location',
    suspend: 'cmi.suspend_data',
    name: 'cmi.learner_name',
    id: 'cmi.learner_id',
    mode: 'cmi.mode',
    entry: 'cmi.entry',
    interactions: 'cmi.interactions._count',
    objectives: 'cmi.objectives._count',
  },
} as const;

describe.each(VERSIONS)('SCORM %s: hostile LMS values', (version) => {
  const el = ELEMENTS[version];
  const open = (overrides: Record<string, string>) => openSession(new FakeLms(version), { overrides });

  it.each(['abc', '', '150', '-5', '1e2', '0x50', 'NaN', ' ', '70%'])('ignores the mastery score %j', (value) => {
    const raw = version === '2004' && /^\d+$/.test(value) ? String(Number(value) / 100) : value;
    expect(open({ [el.mastery]: raw }).info.masteryScore).toBeNull();
  });

  it('takes a mastery score in range', () => {
    expect(open({ [el.mastery]: version === '1.2' ? '75.5' : '0.755' }).info.masteryScore).toBe(75.5);
  });

  it('drops a location that is no page of the lesson, however long', () => {
    expect(open({ [el.location]: 'x'.repeat(10_000) }).info.location).toBeNull();
    expect(open({ [el.location]: 'not_a_page' }).info.location).toBeNull();
    expect(open({ [el.location]: 's02_duty' }).info.location).toBe('s02_duty');
  });

  it('hands garbage suspend data to the codec, which starts afresh; the session goes on', () => {
    const session = open({ [el.suspend]: '\u0000garbage{"answers":' + '%'.repeat(300) });
    expect(decodeState(LESSON, session.info.suspendData).notice).toBe('corrupt');
    fullSession(session.student);
    session.student.finish();
    expect(decodeState(LESSON, session.launch.cmi().suspend_data).notice).toBeNull();
  });

  it('refuses suspend data longer than anything the module writes, and says so', () => {
    const limit = version === '1.2' ? 4096 : 64000;
    const session = open({ [el.suspend]: 'P1' + 'x'.repeat(limit) });
    expect(session.info.suspendData).toBeNull();
    expect(session.notices.map((n) => n.kind)).toEqual(['state-reset']);
  });

  it('cleans names and ids: one line, no control characters, at most 255 characters', () => {
    const session = open({ [el.name]: '  Doe,\u0000 Jane\n\nthe second  ', [el.id]: 'z'.repeat(1000) });
    expect(session.info.learnerName).toBe('Doe, Jane / the second');
    expect(session.info.learnerId).toHaveLength(255);
    expect(open({ [el.name]: '   ' }).info.learnerName).toBeNull();
  });

  it('treats an unknown mode as normal and an unknown entry as a first launch', () => {
    const session = open({ [el.mode]: 'REVIEW-ish', [el.entry]: 'maybe' });
    expect(session.info.mode).toBe('normal');
    expect(session.info.entry).toBe('ab-initio');
    expect(open({ [el.mode]: ' Review ' }).info.mode).toBe('review');
  });

  it('starts interactions at 0 when the count is garbage, and bounds objective reads', () => {
    const session = open({ [el.interactions]: '-4', [el.objectives]: '999999999' });
    session.student.go('pre');
    session.student.answer('pre_q1_loaded', { type: 'single', choice: 'a' });
    expect(session.launch.sets().find(([e]) => e.endsWith('.id') && e.includes('interactions'))?.[0]).toBe('cmi.interactions.0.id');
    const objectiveReads = session.launch.calls.filter((c) => /GetValue$/.test(c.fn) && /^cmi\.objectives\.\d+\.id$/.test(c.args[0]!));
    expect(objectiveReads.length).toBeLessThanOrEqual(250);
  });

  it('survives an API whose every function throws, keeping the work in the outbox', () => {
    const throwing = Object.fromEntries(
      Object.values(DIALECTS[version].functions).map((name) => [name, () => { throw new Error('LMS exploded'); }]),
    );
    const storage = new MemoryStorage();
    const clock = new Clock();
    const tracker = createTracker({ lesson: LESSON, dialect: DIALECTS[version], port: DIALECTS[version].bind(throwing), storage, now: clock.now });
    const notices: string[] = [];
    tracker.onNotice((n) => notices.push(n.kind));
    const info = tracker.start();
    expect(info.mode).toBe('normal');
    const student = new Student(tracker, info, clock);
    expect(() => fullSession(student)).not.toThrow();
    expect(() => student.finish()).not.toThrow();
    expect(notices).toEqual(['saved-locally']);
    const entry = JSON.parse(storage.getItem('pr-outbox:test-lesson:anonymous')!);
    expect(decodeState(LESSON, entry.report.suspendData).state.answers).toEqual(
      decodeState(LESSON, student.snapshot().suspendData).state.answers,
    );
  });

  it('survives GetValue answering with non-strings', () => {
    const session = openSession(new FakeLms(version));
    const raw = session.launch.raw as Record<string, (...a: string[]) => unknown>;
    const get = version === '1.2' ? 'LMSGetValue' : 'GetValue';
    raw[get] = () => ({ toString: () => { throw new Error('no'); } });
    const tracker = createTracker({ lesson: LESSON, dialect: DIALECTS[version], port: DIALECTS[version].bind(raw)!, storage: new MemoryStorage() });
    expect(() => tracker.start()).not.toThrow();
  });
});
