/**
 * The two dialects' formats, as properties over all inputs (fast-check) and as worked examples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InteractionReport } from '../../src/runtime/dialect.js';
import { chunk, clip, oneLine, parseDecimal, safeId } from '../../src/runtime/text.js';
import { scorm12, timespan12, timeOfDay12 } from '../../src/runtime/vocabulary/scorm12.js';
import { duration2004, scorm2004, timestamp2004 } from '../../src/runtime/vocabulary/scorm2004.js';
import { DIALECTS, parseVersion } from '../../src/runtime/vocabulary/index.js';

const TIMESPAN_12 = /^[0-9]{2,4}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?$/;
const TIME_12 = /^([0-1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/;
const DURATION_2004 = /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/;
const TIMESTAMP_2004 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/;

/** Seconds back from a 2004 duration. */
function seconds2004(value: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value)!;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

describe('time formats', () => {
  it('SCORM 1.2 timespans are HHHH:MM:SS.SS and round-trip to the centisecond', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3723.456)).toBe('0001:02:03.46');
    expect(timespan12(-5)).toBe('0000:00:00.00');
    expect(timespan12(1e12)).toBe('9999:59:59.99');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 9999 * 3600, noNaN: true }), (s) => {
        const text = timespan12(s);
        const [h, m, sec] = text.split(':').map(Number) as [number, number, number];
        return TIMESPAN_12.test(text) && Math.abs(h * 3600 + m * 60 + sec - s) <= 0.005 + 1e-6;
      }),
    );
  });

  it('SCORM 1.2 times of day are HH:MM:SS in the learner’s time zone', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4e12 }), (at) => TIME_12.test(timeOfDay12(at))));
    expect(timeOfDay12(NaN)).toMatch(TIME_12);
  });

  it('SCORM 2004 durations follow ISO 8601 with at most two decimals and round-trip', () => {
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(12.5)).toBe('PT12.5S');
    expect(duration2004(3600)).toBe('PT1H');
    expect(duration2004(3723.456)).toBe('PT1H2M3.46S');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (s) => {
        const text = duration2004(s);
        return DURATION_2004.test(text) && Math.abs(seconds2004(text) - s) <= 0.005 + 1e-6;
      }),
    );
  });

  it('SCORM 2004 timestamps are UTC with two fraction digits', () => {
    expect(timestamp2004(Date.UTC(2024, 4, 1, 9, 30, 5, 678))).toBe('2024-05-01T09:30:05.67Z');
    fc.assert(fc.property(fc.integer({ min: 0, max: 2e12 }), (at) => TIMESTAMP_2004.test(timestamp2004(at))));
  });
});

describe('text helpers', () => {
  it('chunks text into pieces that fit and join back, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1200 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const pieces = chunk(text, max);
        const lone = /[\uD800-\uDBFF]$/;
        return (
          pieces.join('') === text &&
          pieces.every((p) => p.length <= max) &&
          pieces.slice(0, -1).every((p) => !lone.test(p) || !/^[\uDC00-\uDFFF]/.test(text.slice(p.length)))
        );
      }),
    );
    expect(clip('ab😀', 3)).toBe('ab');
  });

  it('makes one line of anything', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !/[\r\n\u0000-\u0008]/.test(oneLine(text))));
    expect(oneLine(' a\r\n\r\nb\tc ')).toBe('a / b c');
  });

  it('makes identifiers of letters, digits, "_" and "." only', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 300 }), (id, max) => /^[A-Za-z0-9_.]+$/.test(safeId(id, max)) && safeId(id, max).length <= max));
  });

  it('reads plain decimals only', () => {
    expect(['70', '-0.5', '85.25', '.5', '7.'].map(parseDecimal)).toEqual([70, -0.5, 85.25, 0.5, 7]);
    expect(['abc', '1e2', '0x50', '', ' ', '70%', 'Infinity', '1,5'].map(parseDecimal)).toEqual(Array(8).fill(null));
  });

  it('reads only the two versions', () => {
    expect(parseVersion('2004')).toBe('2004');
    expect(parseVersion(' 1.2 ')).toBe('1.2');
    expect(parseVersion('toString')).toBeNull();
    expect(parseVersion(undefined)).toBeNull();
  });
});

describe('response syntax', () => {
  const base: InteractionReport = {
    id: 's01_q2_x',
    kind: 'choice',
    response: { kind: 'choice', ids: ['a', 'c'] },
    correct: { kind: 'choice', ids: ['a'] },
    result: 0.333333,
    weighting: 2,
    latencySeconds: 3,
    at: Date.UTC(2024, 0, 1),
    description: '{x} one\ntwo',
  };
  const values = (writes: ReadonlyArray<readonly [string, string]>[]) => writes.map((w) => Object.fromEntries(w.map(([e, v]) => [e.replace(/^cmi\.interactions\.\d+\./, ''), v])));

  it('spells choice, matching and results per version', () => {
    expect(values(scorm12.interaction(4, base))[0]).toMatchObject({ type: 'choice', student_response: 'a,c', 'correct_responses.0.pattern': 'a', result: '0.3333' });
    expect(values(scorm2004.interaction(4, base))[0]).toMatchObject({ type: 'choice', learner_response: 'a[,]c', 'correct_responses.0.pattern': 'a', description: '(x} one / two' });
    const matching: InteractionReport = { ...base, kind: 'matching', response: { kind: 'matching', pairs: [['1', 'b'], ['2', 'c']] }, correct: null, result: 'wrong' };
    expect(values(scorm12.interaction(0, matching))[0]).toMatchObject({ student_response: '1.b,2.c', result: 'wrong' });
    expect(values(scorm2004.interaction(0, matching))[0]).toMatchObject({ learner_response: '1[.]b[,]2[.]c', result: 'incorrect' });
  });

  it('falls back to fill-in in 1.2 when an id is not a single character, for response and key alike', () => {
    const long: InteractionReport = { ...base, response: { kind: 'choice', ids: ['aa', 'b'] }, correct: { kind: 'choice', ids: ['b'] } };
    expect(values(scorm12.interaction(0, long))[0]).toMatchObject({ type: 'fill-in', student_response: 'aa, b', 'correct_responses.0.pattern': 'b' });
  });

  it('leaves an empty 2004 choice response unset (an empty list is no valid value)', () => {
    const empty: InteractionReport = { ...base, response: { kind: 'choice', ids: [] } };
    expect(Object.keys(values(scorm2004.interaction(0, empty))[0]!)).not.toContain('learner_response');
  });

  it('splits a long 1.2 text into <id>_p1, <id>_p2… at consecutive indices; 2004 keeps one', () => {
    const text: InteractionReport = { ...base, kind: 'long-fill-in', response: { kind: 'text', text: 'x'.repeat(600) }, correct: null, result: 'neutral' };
    const parts = scorm12.interaction(7, text);
    expect(parts.map((w) => w[0])).toEqual([
      ['cmi.interactions.7.id', 's01_q2_x_p1'],
      ['cmi.interactions.8.id', 's01_q2_x_p2'],
      ['cmi.interactions.9.id', 's01_q2_x_p3'],
    ]);
    expect(values(parts).map((v) => v.student_response!.length)).toEqual([255, 255, 90]);
    expect(scorm2004.interaction(7, text)).toHaveLength(1);
  });

  it('knows each version by table, not by branching', () => {
    expect(DIALECTS['1.2']).toBe(scorm12);
    expect(DIALECTS['2004']).toBe(scorm2004);
    expect(scorm12.apiName).toBe('API');
    expect(scorm2004.apiName).toBe('API_1484_11');
  });
});
