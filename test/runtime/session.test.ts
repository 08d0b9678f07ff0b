// @vitest-environment jsdom
/**
 * The tracker against scorm-again as the LMS, for SCORM 1.2 and 2004: what a whole session writes,
 * resume, review/browse, mastery score, and the rules Moodle makes us keep.
 */
import { describe, expect, it } from 'vitest';
import { decodeState } from '../../src/core/codec.js';
import type { LessonState } from '../../src/core/types.js';
import { flushOnHide } from '../../src/runtime/lifecycle.js';
import { openSession, VERSIONS } from './support/harness.js';
import { FakeLms, MemoryStorage } from './support/lms.js';
import { LESSON } from './support/lesson.js';
import { Clock, fullSession, keyWords, REFLECTION_280, SYNTHESIS_900 } from './support/student.js';

/** What resume needs from an answer (the codec keeps `at` to the minute). */
function answers(state: LessonState) {
  return Object.fromEntries(
    Object.entries(state.answers).map(([id, a]) => [id, { response: a.response, attempts: a.attempts, result: a.result }]),
  );
}

const onePerLine = (sets: Array<[string, string]>, pattern: RegExp) => sets.filter(([element]) => pattern.test(element));

describe('SCORM 1.2: a whole session', () => {
  const lms = new FakeLms('1.2');
  const session = openSession(lms, { mastery: '' });
  fullSession(session.student);
  session.student.finish();
  const cmi = session.launch.cmi();
  const sets = session.launch.sets();

  it('reports passed with the score as a percentage, location, and a normal exit', () => {
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score).toEqual({ raw: '70', min: '0', max: '100' });
    expect(cmi.core.lesson_location).toBe('results');
    expect(cmi.core.exit).toBe('');
    expect(sets).toContainEqual(['cmi.core.session_time', '0000:04:48.00']);
  });

  it('keeps the whole state in suspend data', () => {
    expect(answers(decodeState(LESSON, cmi.suspend_data).state)).toEqual(answers(session.student.state));
  });

  it('writes one interaction per checked answer, in 1.2 types and response syntax', () => {
    const rows = Object.values(cmi.interactions as Record<string, any>).map((i) => [
      i.id,
      i.type,
      i.student_response,
      i.correct_responses?.['0']?.pattern ?? null,
      i.result,
      i.weighting,
    ]);
    expect(rows).toEqual([
      ['pre_q1_loaded', 'choice', 'a', 'a', 'correct', '0'],
      ['s01_q1_loaded_language', 'choice', 'a', 'b', 'wrong', '1'],
      ['s01_q1_loaded_language', 'choice', 'b', 'b', 'correct', '1'],
      ['s01_q2_repetition', 'choice', 'a,b', 'a,c', '0.5', '2'],
      ['s01_q3_highlight_repetition', 'fill-in', 'vigilant vigilant and again vigilant', 'vigilant vigilant and again vigilant', 'correct', '1'],
      ['s01_q4_reflection_p1', 'fill-in', REFLECTION_280.replace('\n', ' / ').slice(0, 255), null, 'neutral', '0'],
      ['s01_q4_reflection_p2', 'fill-in', REFLECTION_280.replace('\n', ' / ').slice(255), null, 'neutral', '0'],
      ['s02_q1_match_devices', 'matching', '1.b,2.c', '1.b,2.c', 'correct', '1'],
      ['post_q1_loaded', 'choice', 'b', 'a', 'wrong', '0'],
      ['syn_q1_reflection_p1', 'fill-in', SYNTHESIS_900.slice(0, 255), null, 'neutral', '0'],
      ['syn_q1_reflection_p2', 'fill-in', SYNTHESIS_900.slice(255, 510), null, 'neutral', '0'],
      ['syn_q1_reflection_p3', 'fill-in', SYNTHESIS_900.slice(510, 765), null, 'neutral', '0'],
      ['syn_q1_reflection_p4', 'fill-in', SYNTHESIS_900.slice(765), null, 'neutral', '0'],
    ]);
  });

  it('gives every interaction a CMITime and a CMITimespan latency', () => {
    const at = new Date(Date.UTC(2024, 4, 1, 9, 30, 42));
    const local = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
    expect(sets).toContainEqual(['cmi.interactions.0.time', local(at)]);
    for (const [, value] of onePerLine(sets, /\.latency$/)) expect(value).toBe('0000:00:12.00');
  });

  it('reports one objective per device category and the pre/post checks', () => {
    const objectives = Object.values(cmi.objectives as Record<string, any>).map((o) => [o.id, o.score.raw, o.status]);
    expect(objectives).toEqual([
      ['cat_manipulative_wording', '62.5', 'failed'],
      ['cat_justification', '100', 'passed'],
      ['cat_call', '100', 'passed'],
      ['cat_figures_of_form', '50', 'failed'],
      ['pre_check', '100', 'passed'],
      ['post_check', '0', 'failed'],
    ]);
  });
});

describe('SCORM 2004: a whole session', () => {
  const lms = new FakeLms('2004');
  const session = openSession(lms);
  fullSession(session.student);
  session.student.finish();
  const cmi = session.launch.cmi();
  const sets = session.launch.sets();

  it('reports completed and passed, the score scaled and raw, and a normal exit', () => {
    expect(cmi.completion_status).toBe('completed');
    expect(cmi.success_status).toBe('passed');
    expect(cmi.progress_measure).toBe('1');
    expect(cmi.score).toEqual({ scaled: '0.7', raw: '70', min: '0', max: '100' });
    expect(cmi.location).toBe('results');
    expect(cmi.exit).toBe('normal');
    expect(sets).toContainEqual(['cmi.session_time', 'PT4M48S']);
  });

  it('keeps the whole state in suspend data', () => {
    expect(answers(decodeState(LESSON, cmi.suspend_data).state)).toEqual(answers(session.student.state));
  });

  it('writes one interaction per checked answer, in 2004 types, vocabulary and syntax', () => {
    const rows = Object.values(cmi.interactions as Record<string, any>).map((i) => [
      i.id,
      i.type,
      i.learner_response,
      i.correct_responses?.['0']?.pattern ?? null,
      i.result,
      i.weighting,
    ]);
    expect(rows).toEqual([
      ['pre_q1_loaded', 'choice', 'a', 'a', 'correct', '0'],
      ['s01_q1_loaded_language', 'choice', 'a', 'b', 'incorrect', '1'],
      ['s01_q1_loaded_language', 'choice', 'b', 'b', 'correct', '1'],
      ['s01_q2_repetition', 'choice', 'a[,]b', 'a[,]c', '0.5', '2'],
      ['s01_q3_highlight_repetition', 'fill-in', 'vigilant vigilant and again vigilant', 'vigilant vigilant and again vigilant', 'correct', '1'],
      ['s01_q4_reflection', 'long-fill-in', REFLECTION_280.replace('\n', ' / '), null, 'neutral', '0'],
      ['s02_q1_match_devices', 'matching', '1[.]b[,]2[.]c', '1[.]b[,]2[.]c', 'correct', '1'],
      ['post_q1_loaded', 'choice', 'b', 'a', 'incorrect', '0'],
      ['syn_q1_reflection', 'long-fill-in', SYNTHESIS_900, null, 'neutral', '0'],
    ]);
  });

  it('describes each interaction on one line from the question summary, with ISO 8601 times', () => {
    expect(cmi.interactions['5'].description).toBe('Why does the talk / open with "heroes"?');
    expect(cmi.interactions['1'].timestamp).toBe('2024-05-01T09:31:24.00Z');
    expect(cmi.interactions['1'].latency).toBe('PT12S');
  });

  it('reports objectives with scaled scores, success and completion', () => {
    const objectives = Object.values(cmi.objectives as Record<string, any>).map((o) => [
      o.id,
      o.score.scaled,
      o.success_status,
      o.completion_status,
    ]);
    expect(objectives).toEqual([
      ['cat_manipulative_wording', '0.625', 'failed', 'completed'],
      ['cat_justification', '1', 'passed', 'completed'],
      ['cat_call', '1', 'passed', 'completed'],
      ['cat_figures_of_form', '0.5', 'failed', 'completed'],
      ['pre_check', '1', 'passed', 'completed'],
      ['post_check', '0', 'failed', 'completed'],
    ]);
  });
});

/** The first part of the lesson: the pre check and the first segment, with the reflection typed
 * but not yet submitted. */
function halfSession(session: ReturnType<typeof openSession>): void {
  const { student } = session;
  student.go('pre');
  student.answer('pre_q1_loaded', { type: 'single', choice: 'b' });
  student.go('s01_opening');
  student.answer('s01_q1_loaded_language', { type: 'single', choice: 'b' });
  student.answer('s01_q2_repetition', { type: 'multiple', choices: ['a', 'c'] });
  student.answer('s01_q3_highlight_repetition', { type: 'highlight', words: keyWords().slice(0, 2) });
  student.type('s01_q4_reflection', 'Half a thought about heroes');
  session.tracker.save(student.snapshot(), 'hidden');
}

describe.each(VERSIONS)('SCORM %s', (version) => {
  it('writes no score and no final status before every scored question is finished', () => {
    const lms = new FakeLms(version);
    const session = openSession(lms, { mastery: version === '1.2' ? '50' : '0.5', moodleFinishRule: true });
    halfSession(session);
    session.student.finish();
    const cmi = session.launch.cmi();
    const scoreWrites = session.launch.sets().filter(([element]) => /score\.(raw|scaled|min|max)$/.test(element) && !element.includes('objectives'));
    expect(scoreWrites).toEqual([]);
    if (version === '1.2') {
      // Moodle's LMSFinish rule found no raw score, so the status stays what the content said.
      expect(cmi.core.lesson_status).toBe('incomplete');
      expect(cmi.core.exit).toBe('suspend');
    } else {
      expect(cmi.completion_status).toBe('incomplete');
      expect(cmi.success_status).toBe('unknown');
      expect(Number(cmi.progress_measure)).toBeGreaterThan(0);
      expect(Number(cmi.progress_measure)).toBeLessThan(1);
      expect(cmi.exit).toBe('suspend');
    }
  });

  it('resumes where the learner left off with every answer and draft restored', () => {
    const lms = new FakeLms(version);
    const storage = new MemoryStorage();
    const first = openSession(lms, {}, storage);
    halfSession(first);
    first.student.finish();
    const before = first.student.state;
    const countBefore = Object.keys(first.launch.cmi().interactions).length;

    const second = openSession(lms, {}, storage, new Clock(Date.UTC(2024, 4, 2, 10, 0, 0)));
    expect(second.info.entry).toBe('resume');
    expect(second.info.location).toBe('s01_opening');
    expect(answers(second.student.state)).toEqual(answers(before));
    expect(second.student.state.drafts).toEqual({ s01_q4_reflection: 'Half a thought about heroes' });
    expect(second.student.state.visited).toEqual(before.visited);

    // The rest of the lesson: new interactions go after the old ones, none is overwritten.
    second.student.answer('s01_q3_highlight_repetition', { type: 'highlight', words: keyWords() });
    second.student.answer('s01_q4_reflection', { type: 'reflection', text: REFLECTION_280 });
    second.student.go('s02_duty');
    second.student.answer('s02_q1_match_devices', { type: 'match', pairs: { '1': 'appeal_to_values', '2': 'slogans' } });
    second.student.go('post');
    second.student.answer('post_q1_loaded', { type: 'single', choice: 'a' });
    second.student.go('synthesis');
    second.student.answer('syn_q1_reflection', { type: 'reflection', text: SYNTHESIS_900 });
    second.student.finish();
    const firstIndex = second.launch.sets().find(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element));
    expect(firstIndex?.[0]).toBe(`cmi.interactions.${countBefore}.id`);
    const cmi = second.launch.cmi();
    expect(cmi.interactions['0'].id).toBe('pre_q1_loaded');
    expect(version === '1.2' ? cmi.core.lesson_status : cmi.success_status).toBe('passed');
  });

  it('writes nothing in review mode: no answers, no location, no status', () => {
    const lms = new FakeLms(version);
    const storage = new MemoryStorage();
    const first = openSession(lms, {}, storage);
    halfSession(first);
    first.student.finish();
    // What the content writes (the LMS's own fields, such as mode and entry, change per launch).
    const written = () => {
      const cmi = lms.stored!;
      return JSON.stringify(
        version === '1.2'
          ? [cmi.suspend_data, cmi.core.lesson_location, cmi.core.lesson_status, cmi.core.score, cmi.interactions, cmi.objectives]
          : [cmi.suspend_data, cmi.location, cmi.completion_status, cmi.success_status, cmi.score, cmi.interactions, cmi.objectives],
      );
    };
    const stored = written();

    const review = openSession(lms, { mode: 'review' }, storage);
    expect(review.info.mode).toBe('review');
    expect(answers(review.student.state)).toEqual(answers(first.student.state));
    expect(review.student.answer('s02_q1_match_devices', { type: 'match', pairs: { '1': 'slogans', '2': 'slogans' } })).toBe(false);
    review.student.go('s02_duty');
    review.tracker.recordAnswer({ questionId: 'pre_q1_loaded', answer: first.student.state.answers.pre_q1_loaded! });
    review.student.finish();
    expect(review.launch.count('set')).toBe(0);
    expect(review.launch.count('commit')).toBe(0);
    expect(review.launch.count('finish')).toBe(1);
    expect(written()).toBe(stored);
    expect(storage.map.size).toBe(0);
  });

  it('writes nothing in browse mode, even for answers the learner checks', () => {
    const lms = new FakeLms(version);
    const browse = openSession(lms, { mode: 'browse' });
    expect(browse.info.mode).toBe('browse');
    fullSession(browse.student);
    browse.student.finish();
    expect(browse.launch.count('set')).toBe(0);
    expect(browse.launch.count('commit')).toBe(0);
    expect(browse.launch.count('finish')).toBe(1);
  });

  it("uses the LMS's mastery score instead of the lesson's passing score", () => {
    const lms = new FakeLms(version);
    // The lesson passes at 70; the LMS says 80, so the same 70 % session fails.
    const session = openSession(lms, { mastery: version === '1.2' ? '80' : '0.8' });
    expect(session.info.masteryScore).toBe(80);
    fullSession(session.student);
    session.student.finish();
    const cmi = session.launch.cmi();
    expect(version === '1.2' ? cmi.core.lesson_status : cmi.success_status).toBe('failed');
    const objectives = Object.values(cmi.objectives as Record<string, any>);
    const status = (o: any) => (version === '1.2' ? o.status : o.success_status);
    expect(objectives.filter((o) => o.id.startsWith('cat_')).map(status)).toEqual(['failed', 'passed', 'passed', 'failed']);
  });

  it('calls Terminate exactly once, however often finish is asked for', () => {
    const lms = new FakeLms(version);
    const session = openSession(lms);
    const remove = flushOnHide(window, session.tracker, () => session.student.snapshot());
    halfSession(session);
    session.student.finish();
    session.student.finish();
    window.dispatchEvent(new Event('pagehide'));
    session.tracker.save(session.student.snapshot(), 'hidden');
    remove();
    expect(session.launch.count('init')).toBe(1);
    expect(session.launch.count('finish')).toBe(1);
  });

  it('writes nothing after finish, so reading the results is not carried into a next attempt', () => {
    const lms = new FakeLms(version);
    const storage = new MemoryStorage();
    const session = openSession(lms, {}, storage);
    const remove = flushOnHide(window, session.tracker, () => session.student.snapshot());
    fullSession(session.student);
    session.student.finish();
    const calls = session.launch.calls.length;
    session.student.go('s01_opening');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    remove();
    expect(session.launch.calls.length).toBe(calls);
    expect(storage.map.size).toBe(0);

    const next = openSession(lms, {}, storage, new Clock(Date.UTC(2024, 4, 9)));
    if (version === '2004') {
      // exit=normal closed the attempt: the next one starts afresh.
      expect(next.info.entry).toBe('ab-initio');
      expect(next.student.state.answers).toEqual({});
    } else {
      // 1.2 keeps the attempt's data; the learner sees the finished lesson at the results.
      expect(next.info.location).toBe('results');
      expect(Object.keys(next.student.state.answers)).toHaveLength(8);
    }
  });

  it('checks GetLastError after every call it makes', () => {
    const lms = new FakeLms(version);
    const session = openSession(lms);
    fullSession(session.student);
    session.student.finish();
    const calls = session.launch.sequence();
    const unchecked = calls.filter((fn, i) => !/GetLastError$/.test(fn) && !/GetLastError$/.test(calls[i + 1] ?? ''));
    expect(calls.length).toBeGreaterThan(100);
    expect(unchecked).toEqual([]);
  });

  it('makes no commit while the learner types, and one when the page is hidden', () => {
    const lms = new FakeLms(version);
    const session = openSession(lms);
    const remove = flushOnHide(window, session.tracker, () => session.student.snapshot());
    session.student.go('s01_opening');
    const commits = session.launch.count('commit');
    const writes = session.launch.count('set');
    session.student.type('s01_q4_reflection', REFLECTION_280);
    session.timers.runAll();
    expect(session.launch.count('commit')).toBe(commits);
    expect(session.launch.count('set')).toBe(writes);

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(session.launch.count('commit')).toBe(commits + 1);
    // Hidden again with nothing new: nothing to send.
    document.dispatchEvent(new Event('visibilitychange'));
    expect(session.launch.count('commit')).toBe(commits + 1);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    remove();

    const stored = decodeState(LESSON, session.launch.cmi().suspend_data).state;
    expect(stored.drafts.s01_q4_reflection).toBe(REFLECTION_280);
  });

  it('commits once per checked answer and once per page change', () => {
    const lms = new FakeLms(version);
    const session = openSession(lms);
    fullSession(session.student);
    // 6 page changes and 9 checks (one of them a second try).
    expect(session.launch.count('commit')).toBe(15);
  });
});
