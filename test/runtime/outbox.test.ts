/**
 * The outbox on its own: what it accepts from storage, and which state wins on relaunch.
 */
import { describe, expect, it } from 'vitest';
import { Outbox, outboxKey, parseEntry, reconcile, type OutboxEntry } from '../../src/runtime/outbox.js';
import { MemoryStorage } from './support/lms.js';

const report = (suspendData: string) => ({
  location: 's01_opening',
  suspendData,
  status: { completion: 'incomplete' as const, success: 'unknown' as const, progressMeasure: 0.5 },
  score: null,
  objectives: [],
  complete: false,
});

const entry = (overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  v: 1,
  lessonId: 'test-lesson',
  learnerId: 'learner1',
  seq: 4,
  savedAt: 1_000_000,
  base: 'OLD',
  report: report('NEW'),
  pending: [],
  ...overrides,
});

describe('reconcile', () => {
  const never = () => {
    throw new Error('not needed');
  };

  it('clears an entry the LMS already holds', () => {
    expect(reconcile(entry(), 'NEW', never)).toEqual({ useReport: false, reason: 'delivered' });
  });

  it('replays when the LMS holds nothing or what it held when the entry was written', () => {
    expect(reconcile(entry(), null, never)).toEqual({ useReport: true, reason: 'lms-older' });
    expect(reconcile(entry(), 'OLD', never)).toEqual({ useReport: true, reason: 'lms-older' });
  });

  it('compares times when the learner went on elsewhere: the newer one wins', () => {
    expect(reconcile(entry(), 'ELSEWHERE', () => 2_000_000)).toEqual({ useReport: false, reason: 'lms-newer' });
    expect(reconcile(entry(), 'ELSEWHERE', () => 500_000)).toEqual({ useReport: true, reason: 'outbox-newer' });
  });

  it('lets the LMS win when the time of its state is unknown', () => {
    expect(reconcile(entry(), 'ELSEWHERE', () => null).useReport).toBe(false);
    expect(
      reconcile(entry(), 'ELSEWHERE', () => {
        throw new Error('decoder broke');
      }).useReport,
    ).toBe(false);
  });

  it('has no report to replay for an entry of interactions only', () => {
    expect(reconcile(entry({ report: null }), 'X', never)).toEqual({ useReport: false, reason: 'no-report' });
  });
});

describe('outbox storage', () => {
  it('keys entries by lesson and learner', () => {
    expect(outboxKey('heroes-1988', 'u42')).toBe('pr-outbox:heroes-1988:u42');
    expect(outboxKey('heroes-1988', null)).toBe('pr-outbox:heroes-1988:anonymous');
  });

  it('round-trips an entry and clears it', () => {
    const storage = new MemoryStorage();
    const outbox = new Outbox(storage, 'k');
    expect(outbox.write(entry())).toBe(true);
    expect(outbox.read()).toEqual(entry());
    outbox.clear();
    expect(outbox.read()).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ ...entry(), v: 2 })],
    ['a broken report', JSON.stringify({ ...entry(), report: { location: 3 } })],
    ['no pending list', JSON.stringify({ ...entry(), pending: 'x' })],
    ['null', 'null'],
  ])('ignores %s', (_, raw) => {
    expect(parseEntry(raw)).toBeNull();
  });

  it('drops malformed pending interactions and keeps the rest', () => {
    const good = { id: 'q', kind: 'choice', response: { kind: 'choice', ids: ['a'] }, at: 1 };
    const parsed = parseEntry(JSON.stringify({ ...entry(), pending: [good, { id: 3 }, null] }));
    expect(parsed?.pending).toEqual([good]);
  });

  it('reports a storage that refuses, and reads one that throws as empty', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const outbox = new Outbox(refusing, 'k');
    expect(outbox.write(entry())).toBe(false);
    expect(outbox.read()).toBeNull();
    expect(() => outbox.clear()).not.toThrow();
    expect(new Outbox(null, 'k').write(entry())).toBe(false);
  });
});
