// @vitest-environment jsdom
/**
 * An LMS that refuses: a third of SetValue and Commit calls fail at random (seeded), or every
 * commit fails. Whatever happens, after recovery or a relaunch the LMS and the outbox together
 * hold exactly what the learner did.
 */
import { describe, expect, it } from 'vitest';
import { decodeState } from '../../src/core/codec.js';
import type { LessonState } from '../../src/core/types.js';
import { openSession, VERSIONS } from './support/harness.js';
import { FakeLms, MemoryStorage, seeded } from './support/lms.js';
import { LESSON } from './support/lesson.js';
import { Clock, fullSession, keyWords, REFLECTION_280 } from './support/student.js';

function answers(state: LessonState) {
  return Object.fromEntries(
    Object.entries(state.answers).map(([id, a]) => [id, { response: a.response, attempts: a.attempts }]),
  );
}

const OUTBOX = 'pr-outbox:test-lesson:learner1';

/** Question ids the LMS's interactions name (1.2 reflection parts count for their question). */
function reportedQuestions(cmi: Record<string, any>): Set<string> {
  return new Set(Object.values(cmi.interactions ?? {}).map((i: any) => String(i.id).replace(/_p\d+$/, '')));
}

describe.each(VERSIONS)('SCORM %s under faults', (version) => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'seed %i: a third of SetValue and Commit calls fail; the LMS and the outbox hold every answer',
    (seed) => {
      const lms = new FakeLms(version);
      const storage = new MemoryStorage();
      const faulty = openSession(lms, { faults: { rng: seeded(seed), rate: 1 / 3, code: '101' } }, storage);
      fullSession(faulty.student);
      faulty.timers.runAll();
      faulty.student.finish();
      expect(faulty.launch.calls.filter((c) => c.result === 'false').length).toBeGreaterThan(5);
      const done = faulty.student.state;

      // Right after the session: what the LMS stored, or the outbox where the LMS missed it.
      const entry = storage.getItem(OUTBOX);
      const held = entry === null ? lms.stored!.suspend_data : JSON.parse(entry).report?.suspendData ?? lms.stored!.suspend_data;
      expect(answers(decodeState(LESSON, held).state)).toEqual(answers(done));

      // Relaunch on a healthy LMS: the outbox is replayed and emptied; the LMS holds it all.
      openSession(lms, {}, storage, new Clock(Date.UTC(2024, 4, 3)));
      expect(storage.getItem(OUTBOX)).toBeNull();
      expect(answers(decodeState(LESSON, lms.latest()!.suspend_data).state)).toEqual(answers(done));
      // No interaction or objective is left half-written (a failed id must not cost its fields).
      for (const cmi of [lms.stored, ...lms.closedAttempts]) {
        for (const i of Object.values(cmi?.interactions ?? {}) as any[]) {
          expect([i.id, i.type, i.result, i.student_response ?? i.learner_response].every((v) => v !== '')).toBe(true);
        }
        for (const o of Object.values(cmi?.objectives ?? {}) as any[]) {
          expect([o.id, o.status ?? o.success_status].every((v) => v !== '' && v !== undefined)).toBe(true);
        }
      }
      // Every checked answer has at least one interaction (over the attempts the LMS kept).
      const reported = new Set([lms.stored, ...lms.closedAttempts].flatMap((cmi) => (cmi ? [...reportedQuestions(cmi)] : [])));
      expect([...reported].sort()).toEqual(Object.keys(done.answers).sort());
    },
  );

  it.each([21, 22, 23, 24, 25, 26])('seed %i: an unfinished lesson resumes with every answer and draft after faults', (seed) => {
    const lms = new FakeLms(version);
    const storage = new MemoryStorage();
    const faulty = openSession(lms, { faults: { rng: seeded(seed), rate: 1 / 3, code: '101' } }, storage);
    const { student } = faulty;
    student.go('s01_opening');
    student.answer('s01_q1_loaded_language', { type: 'single', choice: 'a' });
    student.answer('s01_q2_repetition', { type: 'multiple', choices: ['a', 'c'] });
    student.answer('s01_q3_highlight_repetition', { type: 'highlight', words: keyWords() });
    student.answer('s01_q4_reflection', { type: 'reflection', text: REFLECTION_280 });
    student.go('s02_duty');
    student.type('syn_q1_reflection', 'A draft of the synthesis');
    faulty.tracker.save(student.snapshot(), 'hidden');
    student.finish();
    const done = student.state;

    const healthy = openSession(lms, {}, storage, new Clock(Date.UTC(2024, 4, 3)));
    expect(answers(healthy.student.state)).toEqual(answers(done));
    expect(healthy.student.state.drafts).toEqual(done.drafts);
    expect(healthy.info.location).toBe('s02_duty');
    expect(storage.getItem(OUTBOX)).toBeNull();
  });

  it('retries a refused commit with backoff and stops once the LMS takes it', () => {
    const lms = new FakeLms(version);
    const session = openSession(lms);
    session.launch.refuseCommits = 2;
    session.student.go('s01_opening');
    expect(session.timers.pending).toBe(1);
    session.timers.runAll();
    expect(session.launch.refuseCommits).toBe(0);
    expect(session.launch.count('commit')).toBe(3);
    // Backoff: the retries came 1 s and then 3 s later.
    expect(session.timers.elapsed).toBe(4000);
    expect(session.timers.pending).toBe(0);
    expect(session.notices).toEqual([]);
    expect(decodeState(LESSON, lms.stored!.suspend_data).state.location).toBe('s01_opening');
  });

  it('when the LMS keeps refusing: says so, keeps the work in the outbox, and replays it next time', () => {
    const lms = new FakeLms(version);
    const storage = new MemoryStorage();
    const refusing = openSession(lms, {}, storage);
    refusing.student.go('s01_opening');
    refusing.launch.refuseCommits = Infinity;
    refusing.launch.refuseFinish = true;

    refusing.student.answer('s01_q1_loaded_language', { type: 'single', choice: 'b' });
    refusing.student.answer('s01_q3_highlight_repetition', { type: 'highlight', words: keyWords() });
    refusing.student.type('s01_q4_reflection', REFLECTION_280);
    refusing.timers.runAll();
    expect(refusing.notices.map((n) => n.kind)).toEqual(['saved-locally']);
    refusing.student.finish();
    const done = refusing.student.state;
    const entry = JSON.parse(storage.getItem(OUTBOX)!);
    expect(entry.pending.map((i: any) => i.id)).toEqual(['s01_q1_loaded_language', 's01_q3_highlight_repetition']);
    // The LMS kept only what it had before the refusals.
    expect(answers(decodeState(LESSON, lms.stored!.suspend_data).state)).toEqual({});

    const next = openSession(lms, {}, storage, new Clock(Date.UTC(2024, 4, 3)));
    expect(next.notices.map((n) => n.kind)).toEqual(['replayed']);
    expect(answers(next.student.state)).toEqual(answers(done));
    expect(next.student.state.drafts).toEqual({ s01_q4_reflection: REFLECTION_280 });
    expect(storage.getItem(OUTBOX)).toBeNull();
    expect([...reportedQuestions(next.launch.cmi())].sort()).toEqual(['s01_q1_loaded_language', 's01_q3_highlight_repetition']);
  });

  it('lets the newer state win: the LMS when the learner went on elsewhere after the outbox was written', () => {
    const lms = new FakeLms(version);
    const laptop = new MemoryStorage();
    // On the laptop the commits fail and the work stays in its outbox (9:30).
    const first = openSession(lms, {}, laptop);
    first.student.go('s01_opening');
    first.launch.refuseCommits = Infinity;
    first.launch.refuseFinish = true;
    first.student.answer('s01_q1_loaded_language', { type: 'single', choice: 'a' });
    first.student.finish();
    expect(laptop.getItem(OUTBOX)).not.toBeNull();

    // Later, on a phone, the learner redoes it and goes further (next day).
    const phone = openSession(lms, {}, new MemoryStorage(), new Clock(Date.UTC(2024, 4, 2, 8)));
    phone.student.answer('s01_q1_loaded_language', { type: 'single', choice: 'b' });
    phone.student.go('s02_duty');
    phone.student.finish();
    const onPhone = phone.student.state;

    // Back on the laptop: the LMS's state is newer than the outbox, so it wins.
    const back = openSession(lms, {}, laptop, new Clock(Date.UTC(2024, 4, 3)));
    expect(answers(back.student.state)).toEqual(answers(onPhone));
    expect(back.notices).toEqual([]);
    expect(laptop.getItem(OUTBOX)).toBeNull();
  });

  it('lets the newer state win: the outbox when it is newer than what the LMS holds', () => {
    const lms = new FakeLms(version);
    // Earlier (May 1st) on a phone: one answer reaches the LMS.
    const phone = openSession(lms, {}, new MemoryStorage(), new Clock(Date.UTC(2024, 4, 1, 8)));
    phone.student.go('s01_opening');
    phone.student.answer('s01_q1_loaded_language', { type: 'single', choice: 'b' });
    phone.student.finish();

    // An outbox written on the laptop the next day, from a state the LMS never saw.
    const laptop = new MemoryStorage();
    const offline = openSession(new FakeLms(version), {}, laptop, new Clock(Date.UTC(2024, 4, 2, 8)));
    offline.student.go('s01_opening');
    offline.launch.refuseCommits = Infinity;
    offline.launch.refuseFinish = true;
    offline.student.answer('s01_q1_loaded_language', { type: 'single', choice: 'a' });
    offline.student.answer('s01_q1_loaded_language', { type: 'single', choice: 'c' });
    offline.student.finish();
    const newer = offline.student.state;

    const back = openSession(lms, {}, laptop, new Clock(Date.UTC(2024, 4, 3)));
    expect(back.notices.map((n) => n.kind)).toEqual(['replayed']);
    expect(answers(back.student.state)).toEqual(answers(newer));
    expect(answers(decodeState(LESSON, lms.stored!.suspend_data).state)).toEqual(answers(newer));
  });
});
