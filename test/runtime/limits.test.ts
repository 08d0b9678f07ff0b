// @vitest-environment jsdom
/**
 * The strict limits scorm-again lets through (lengths, identifier characters, formats, one line),
 * asserted on every SetValue of a session whose answers push at them.
 */
import { describe, expect, it } from 'vitest';
import { textCost } from '../../src/core/text.js';
import { openSession, VERSIONS } from './support/harness.js';
import { FakeLms } from './support/lms.js';
import { LESSON } from './support/lesson.js';
import { keyWords } from './support/student.js';
import { violations } from './support/strict.js';

/** A reflection at its limit that tries everything: a lang-like prefix, list delimiters, line
 * breaks, tabs, control characters and characters outside the BMP. */
function hostileText(maxCost: number): string {
  const pieces = ['{lang=xx}Heroes', '[,]', '\n\n', 'line\ttwo', '\u0007', '😀', ' «vigilant» ', 'é'];
  let text = '';
  for (let i = 0; textCost(text) < maxCost; i += 1) {
    const next = text + pieces[i % pieces.length];
    if (textCost(next) > maxCost) break;
    text = next;
  }
  return text;
}

function pushingSession(version: '1.2' | '2004') {
  const lms = new FakeLms(version);
  const session = openSession(lms);
  const { student } = session;
  student.go('pre');
  student.answer('pre_q1_loaded', { type: 'single', choice: 'a' });
  student.go('s01_opening');
  student.answer('s01_q1_loaded_language', { type: 'single', choice: 'b' });
  student.answer('s01_q2_repetition', { type: 'multiple', choices: ['a', 'b', 'c', 'd'] });
  // Every word of the segment, in scattered runs.
  student.answer('s01_q3_highlight_repetition', { type: 'highlight', words: [0, 1, 3, 5, 6, 8, 10, 11, 12, 14, 16, 18, 19, 20] });
  expect(student.answer('s01_q4_reflection', { type: 'reflection', text: hostileText(300) })).toBe(true);
  student.go('s02_duty');
  student.answer('s02_q1_match_devices', { type: 'match', pairs: { '1': 'flag_waving', '2': 'flag_waving' } });
  student.go('synthesis');
  expect(student.answer('syn_q1_reflection', { type: 'reflection', text: hostileText(1000) })).toBe(true);
  student.finish();
  return session;
}

describe.each(VERSIONS)('SCORM %s strict limits', (version) => {
  it('keeps every value within the strict limits, formats and vocabularies', () => {
    const session = pushingSession(version);
    const sets = session.launch.sets();
    expect(sets.length).toBeGreaterThan(80);
    expect(violations[version](sets)).toEqual([]);
    // And the LMS took every one of them.
    expect(session.launch.calls.filter((c) => /SetValue$/.test(c.fn) && c.result !== 'true')).toEqual([]);
  });

  it('loses no character of a long reflection (only line breaks become " / ")', () => {
    const session = pushingSession(version);
    const text = session.student.state.answers.syn_q1_reflection!.response;
    if (text.type !== 'reflection') throw new Error('not a reflection');
    const responseField = version === '1.2' ? 'student_response' : 'learner_response';
    const ids = new Map(session.launch.sets().filter(([e]) => e.endsWith('.id')).map(([e, v]) => [e.split('.')[2], v]));
    const parts = session.launch
      .sets()
      .filter(([e]) => e.endsWith(`.${responseField}`) && ids.get(e.split('.')[2])!.startsWith('syn_q1_reflection'))
      .map(([, v]) => v);
    const expected = text.text.replace(/\u0007/g, '').trim().replace(/\s*(\r\n|\r|\n)+\s*/g, ' / ').replace(/\t/g, ' ');
    if (version === '1.2') {
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.join('')).toBe(expected);
    } else {
      // 2004 long-fill-in: one string; its leading "{" may not open a {lang=} prefix.
      expect(parts).toEqual([expected.replace(/^\{/, '(').replace(/\[,\]/g, ',')]);
    }
  });

  it('never sends suspend data longer than the version allows; keeps it in the outbox instead', () => {
    const session = openSession(new FakeLms(version));
    const snapshot = session.student.snapshot();
    const limit = version === '1.2' ? 4096 : 64000;
    session.tracker.save({ ...snapshot, suspendData: 'x'.repeat(limit + 1) }, 'page');
    expect(session.launch.sets().filter(([e]) => e === 'cmi.suspend_data')).toEqual([]);
    expect(session.notices.map((n) => n.kind)).toContain('save-failed');
  });
});

describe('the strict checker itself', () => {
  it('catches what scorm-again would accept', () => {
    expect(
      violations['1.2']([
        ['cmi.suspend_data', 'x'.repeat(4097)],
        ['cmi.interactions.0.id', 'has space'],
        ['cmi.interactions.0.type', 'choice'],
        ['cmi.interactions.0.student_response', 'ab,c'],
        ['cmi.interactions.0.result', 'incorrect'],
        ['cmi.interactions.1.id', 'q1'],
        ['cmi.interactions.1.type', 'fill-in'],
        ['cmi.interactions.1.student_response', 'y'.repeat(256)],
        ['cmi.interactions.1.latency', 'PT1S'],
      ]),
    ).toHaveLength(6);
    expect(
      violations['2004']([
        ['cmi.interactions.0.id', 'q-1'],
        ['cmi.interactions.0.learner_response', 'a'],
        ['cmi.interactions.0.type', 'choice'],
        ['cmi.interactions.0.result', 'wrong'],
        ['cmi.interactions.0.description', 'two\nlines'],
        ['cmi.interactions.0.timestamp', '2024-05-01T09:30:00.123Z'],
        ['cmi.interactions.1.id', 'q2'],
        ['cmi.interactions.1.type', 'long-fill-in'],
        ['cmi.interactions.1.learner_response', 'z'.repeat(4001)],
      ]),
    ).toHaveLength(6);
  });
});

it('uses a lesson whose every question the limits session touches', () => {
  expect(LESSON.questions.filter((q) => q.page !== 'post').length).toBe(7);
  expect(keyWords().length).toBeGreaterThan(0);
});
