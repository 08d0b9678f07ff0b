/**
 * The outbox: what the LMS refused to take, kept in the browser (localStorage) under
 * `pr-outbox:<lessonId>:<learnerId>` and offered again after the next Initialize.
 *
 * One entry per learner and lesson, always the newest: the last report that did not reach the LMS
 * plus every checked answer whose interaction was not confirmed by a commit.
 */
import type { InteractionReport, LessonReport } from './dialect.js';

export const OUTBOX_VERSION = 1 as const;

export interface OutboxEntry {
  v: typeof OUTBOX_VERSION;
  lessonId: string;
  learnerId: string;
  /** Save counter of the session that wrote it (grows with every save). */
  seq: number;
  /** When it was written, ms since epoch. */
  savedAt: number;
  /** The suspend data the LMS was last known to hold when this was written. */
  base: string | null;
  /** The newest unsent report, or null when only interactions are waiting. */
  report: LessonReport | null;
  /** Checked answers whose interactions no commit confirmed. */
  pending: InteractionReport[];
}

/** The subset of the Web Storage API the outbox uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function outboxKey(lessonId: string, learnerId: string | null): string {
  return `pr-outbox:${lessonId}:${learnerId ?? 'anonymous'}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isReport(value: unknown): value is LessonReport {
  return (
    isObject(value) &&
    typeof value.location === 'string' &&
    typeof value.suspendData === 'string' &&
    isObject(value.status) &&
    Array.isArray(value.objectives) &&
    typeof value.complete === 'boolean' &&
    (value.score === null || isObject(value.score))
  );
}

function isInteraction(value: unknown): value is InteractionReport {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.kind === 'string' &&
    isObject(value.response) &&
    typeof value.at === 'number'
  );
}

/** Parse a stored entry; anything malformed (a different version, hand-edited storage) is null. */
export function parseEntry(raw: string | null): OutboxEntry | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (
    !isObject(value) ||
    value.v !== OUTBOX_VERSION ||
    typeof value.lessonId !== 'string' ||
    typeof value.learnerId !== 'string' ||
    typeof value.seq !== 'number' ||
    typeof value.savedAt !== 'number' ||
    !(value.base === null || typeof value.base === 'string') ||
    !(value.report === null || isReport(value.report)) ||
    !Array.isArray(value.pending)
  ) {
    return null;
  }
  return { ...(value as unknown as OutboxEntry), pending: value.pending.filter(isInteraction) };
}

export class Outbox {
  constructor(
    private readonly storage: StorageLike | null,
    readonly key: string,
  ) {}

  read(): OutboxEntry | null {
    try {
      return parseEntry(this.storage?.getItem(this.key) ?? null);
    } catch {
      return null;
    }
  }

  /** False when the browser refused (no storage, quota, privacy mode). */
  write(entry: OutboxEntry): boolean {
    if (this.storage === null) return false;
    try {
      this.storage.setItem(this.key, JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to do: a storage that can't remove can't have kept anything either.
    }
  }
}

export type ReconcileReason = 'delivered' | 'lms-older' | 'outbox-newer' | 'lms-newer' | 'no-report';

/**
 * Which state wins on relaunch, the outbox's or the LMS's:
 * - the LMS already holds the outbox's suspend data → it was delivered after all;
 * - the LMS holds nothing, or what it held when the entry was written → the outbox is newer;
 * - the LMS holds something else (the learner went on elsewhere) → the newer one by time: the
 *   entry's savedAt against the latest activity in the LMS's state (null when unknown: the LMS
 *   wins, since its data arrived after the entry was written).
 */
export function reconcile(
  entry: OutboxEntry,
  lmsSuspendData: string | null,
  lmsLatestActivity: (suspendData: string) => number | null,
): { useReport: boolean; reason: ReconcileReason } {
  if (entry.report === null) return { useReport: false, reason: 'no-report' };
  if (lmsSuspendData === entry.report.suspendData) return { useReport: false, reason: 'delivered' };
  if (lmsSuspendData === null || lmsSuspendData === entry.base) return { useReport: true, reason: 'lms-older' };
  let latest: number | null = null;
  try {
    latest = lmsLatestActivity(lmsSuspendData);
  } catch {
    latest = null;
  }
  return latest !== null && entry.savedAt > latest
    ? { useReport: true, reason: 'outbox-newer' }
    : { useReport: false, reason: 'lms-newer' };
}
