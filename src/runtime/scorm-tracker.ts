/**
 * The Tracker over one SCORM API (either version, through its dialect).
 *
 * Rules it keeps (see /work/shared/notes/scorm-targets.md for why):
 * - Initialize once, Terminate exactly once; GetLastError after every call (the port does that).
 * - Every LMS value is untrusted: parsed by the dialect, checked against the lesson here.
 * - Commits only when `save` or `finish` is called, and only when something changed.
 * - Score only once every scored question is finished; passed/failed only when complete.
 * - Interactions are appended from cmi.interactions._count (read once); an index is never reused.
 * - A failed write or commit is retried (a few times at once for SetValue, with backoff for the
 *   commit); meanwhile the unsent state waits in the outbox, replayed after the next Initialize.
 * - Review and browse sessions write nothing; after finish nothing more is written either.
 */
import { pageOrder, type Lesson } from '../model/lesson.js';
import type {
  InteractionReport,
  LessonReport,
  LmsSession,
  ScormDialect,
  ScormPort,
  Write,
} from './dialect.js';
import { Outbox, outboxKey, reconcile, OUTBOX_VERSION, type StorageLike } from './outbox.js';
import { effectivePassingScore, interactionReport, lessonReport } from './report.js';
import type { AnswerRecord, SessionInfo, Snapshot, Tracker, TrackerNotice } from './tracker.js';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TrackerOptions {
  lesson: Lesson;
  dialect: ScormDialect;
  /** The LMS's API; null when there is none (everything then waits in the outbox). */
  port: ScormPort | null;
  /** 'local' when the module installed its own LMS (reported in SessionInfo.lms). */
  lms?: 'lms' | 'local';
  /** Where the outbox lives (localStorage); null when the browser offers none. */
  storage?: StorageLike | null;
  /** Clock, ms since epoch (tests pass a fake one). */
  now?: () => number;
  timers?: Timers;
  /** Delays before each commit retry, in ms. Default 1 s, 3 s, 9 s. */
  retryDelays?: readonly number[];
  /** Extra immediate tries of a SetValue that failed with a transient error. Default 2. */
  setValueRetries?: number;
  /** Latest activity (ms since epoch) in an encoded state, to settle an outbox/LMS conflict
   * (core/codec's decodeState: the newest answer's `at`). Without it the LMS's state wins. */
  latestActivity?: (suspendData: string) => number | null;
}

type Phase = 'new' | 'open' | 'offline' | 'closed';

interface PendingInteraction {
  report: InteractionReport;
  /** All writes, with indices assigned once the session is open (never reassigned). */
  writes: Write[] | null;
  /** Writes the LMS has not accepted yet. */
  remaining: Write[];
}

type WriteOutcome = 'ok' | 'skipped' | 'failed' | 'dropped';

const MESSAGES = {
  savedLocally:
    'The LMS is not accepting your progress right now. Your work is kept in this browser and will be sent the next time you open the lesson here.',
  saveFailed:
    'The LMS is not accepting your progress, and this browser cannot keep a copy. Please keep this page open and tell your instructor.',
  noLms:
    'No connection to the LMS could be opened. Your work is kept in this browser and will be sent the next time you open the lesson here.',
  replayed: 'Work saved in this browser during an earlier visit has now been sent to the LMS.',
  tooLong:
    'Your saved work is longer than this LMS can store. It is kept in this browser; please tell your instructor.',
  stateReset: 'The progress stored by the LMS could not be used, so the lesson starts afresh.',
} as const;

const DEFAULT_RETRY_DELAYS = [1000, 3000, 9000] as const;

/** A tracker over `options.port` (or, with no port, over the outbox alone). */
export function createTracker(options: TrackerOptions): Tracker {
  return new ScormTracker(options);
}

class ScormTracker implements Tracker {
  private readonly lesson: Lesson;
  private readonly dialect: ScormDialect;
  private readonly port: ScormPort | null;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly retryDelays: readonly number[];
  private readonly setValueRetries: number;

  private phase: Phase = 'new';
  private info: SessionInfo | null = null;
  private session: LmsSession | null = null;
  private readOnly = false;
  private startedAt = 0;
  private outbox: Outbox | null = null;

  private nextInteraction = 0;
  private readonly objectiveIndex = new Map<string, number>();
  private nextObjective = 0;
  /** Values the LMS accepted and a commit has not since lost: rewriting them is skipped. */
  private readonly confirmed = new Map<string, string>();
  private pending: PendingInteraction[] = [];

  /** The newest report, and whether the LMS has it (committed). */
  private current: LessonReport | null = null;
  private currentDelivered = true;
  /** The suspend data the LMS is known to hold. */
  private base: string | null = null;
  private seq = 0;

  private retryTimer: unknown = null;
  private failureStreak = 0;
  private noticedStreak = false;

  private readonly listeners: Array<(notice: TrackerNotice) => void> = [];
  private readonly queued: TrackerNotice[] = [];

  constructor(private readonly options: TrackerOptions) {
    this.lesson = options.lesson;
    this.dialect = options.dialect;
    this.port = options.port;
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.retryDelays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
    this.setValueRetries = Math.max(0, options.setValueRetries ?? 2);
  }

  // ---- Tracker -------------------------------------------------------------------------------

  start(): SessionInfo {
    if (this.info !== null) return this.info;
    const port = this.port;
    const opened = port !== null && (port.initialize() || port.getValue(this.dialect.probeElement) !== null);
    this.phase = opened ? 'open' : 'offline';
    const session = opened && port !== null ? this.dialect.readSession((element) => port.getValue(element)) : null;
    this.session = session;
    this.info = this.sessionInfo(session);
    this.readOnly = this.info.mode !== 'normal';
    this.startedAt = this.now();
    this.nextInteraction = session?.interactionCount ?? 0;
    session?.objectiveIds.forEach((id, index) => {
      if (!this.objectiveIndex.has(id)) this.objectiveIndex.set(id, index);
    });
    this.nextObjective = session?.objectiveIds.length ?? 0;
    this.base = session?.suspendData ?? null;
    this.outbox = new Outbox(this.options.storage ?? null, outboxKey(this.lesson.id, this.info.learnerId));

    if (!this.readOnly) {
      if (this.phase === 'offline') this.notify({ kind: 'saved-locally', reason: 'no-lms', message: MESSAGES.noLms });
      this.replayOutbox();
    }
    return this.info;
  }

  save(snapshot: Snapshot, _reason: 'answer' | 'page' | 'hidden' | 'finish'): void {
    // After finish the session is over: what the learner does next (reading the results) is not
    // an attempt's data, and must not be replayed into the next attempt.
    if (this.readOnly || this.phase === 'closed') return;
    const report = lessonReport(snapshot, this.passingScore());
    this.current = report;
    this.currentDelivered = false;
    this.seq += 1;
    if (this.phase !== 'open') {
      this.keepInOutbox();
      return;
    }
    this.attempt([]);
  }

  recordAnswer(record: AnswerRecord): void {
    if (this.readOnly || this.phase === 'closed') return;
    const report = interactionReport(record.lesson ?? this.lesson, record);
    if (report === null) return;
    this.pending.push({ report, writes: null, remaining: [] });
    if (this.phase === 'open') this.writePending();
    else this.keepInOutbox();
  }

  finish(snapshot: Snapshot): void {
    if (this.phase === 'closed') return;
    const wasOpen = this.phase === 'open';
    this.cancelRetry();
    if (this.readOnly) {
      this.phase = 'closed';
      if (wasOpen) this.port?.terminate();
      return;
    }
    this.current = lessonReport(snapshot, this.passingScore());
    this.currentDelivered = false;
    this.seq += 1;
    if (wasOpen) {
      const seconds = Math.max(0, (this.now() - this.startedAt) / 1000);
      let terminated = false;
      const terminate = (): boolean => {
        terminated = true;
        return this.port?.terminate() ?? false;
      };
      // Terminate persists what was set (both specs say so), so a refused final commit followed
      // by a successful Terminate still delivers.
      const delivered = this.deliver(this.dialect.sessionTime(seconds), () => (this.port?.commit() ?? false) || terminate());
      this.phase = 'closed';
      if (!terminated) terminate();
      if (!delivered) this.warnKeptLocally();
    } else {
      this.phase = 'closed';
      this.keepInOutbox();
    }
  }

  onNotice(listener: (notice: TrackerNotice) => void): void {
    this.listeners.push(listener);
    for (const notice of this.queued.splice(0)) listener(notice);
  }

  // ---- Session start ---------------------------------------------------------------------------

  private sessionInfo(session: LmsSession | null): SessionInfo {
    const pages = new Set(pageOrder(this.lesson));
    let suspendData = session?.suspendData ?? null;
    if (suspendData !== null && suspendData.length > this.dialect.limits.suspendData) {
      // Nothing this module writes is that long: it is not ours.
      suspendData = null;
      this.notify({ kind: 'state-reset', reason: 'state-reset', message: MESSAGES.stateReset });
    }
    const location = session?.location ?? null;
    return {
      entry: session?.entry === 'resume' || suspendData !== null ? 'resume' : 'ab-initio',
      mode: session?.mode ?? 'normal',
      credit: session?.credit ?? true,
      learnerName: session?.learnerName ?? null,
      learnerId: session?.learnerId ?? null,
      masteryScore: session?.masteryScore ?? null,
      location: location !== null && pages.has(location) ? location : null,
      suspendData,
      lms: this.options.lms ?? 'lms',
    };
  }

  private replayOutbox(): void {
    const entry = this.outbox?.read() ?? null;
    const info = this.info;
    if (entry === null || info === null) return;
    this.seq = Math.max(this.seq, entry.seq);
    this.pending.push(...entry.pending.map((report) => ({ report, writes: null, remaining: [] })));
    const decision =
      this.phase === 'open'
        ? reconcile(entry, this.base, this.options.latestActivity ?? (() => null))
        : { useReport: entry.report !== null };
    if (decision.useReport && entry.report !== null) {
      this.current = entry.report;
      this.currentDelivered = false;
      const pages = new Set(pageOrder(this.lesson));
      this.info = {
        ...info,
        entry: 'resume',
        suspendData: entry.report.suspendData,
        location: pages.has(entry.report.location) ? entry.report.location : info.location,
      };
    }
    if (this.phase !== 'open') return;
    if (this.attempt([]) && decision.useReport) this.notify({ kind: 'replayed', reason: 'replayed', message: MESSAGES.replayed });
  }

  // ---- Delivery --------------------------------------------------------------------------------

  private passingScore(): number {
    return effectivePassingScore(this.lesson, this.info?.masteryScore ?? null);
  }

  /** Deliver now; on failure keep the outbox and schedule a retry. True when all went through. */
  private attempt(extra: Write[]): boolean {
    const delivered = this.deliver(extra);
    if (delivered) {
      this.failureStreak = 0;
      this.noticedStreak = false;
      this.cancelRetry();
    } else {
      this.failureStreak += 1;
      this.scheduleRetry();
    }
    return delivered;
  }

  /**
   * Write pending interactions and the current report, then commit if anything was written.
   * Keeps the outbox in step: cleared when everything is in, rewritten when something is not.
   */
  private deliver(extra: Write[], commit: () => boolean = () => this.port?.commit() ?? false): boolean {
    const interactions = this.writePending();
    let wrote = interactions.wrote;
    let reportOk = true;
    const report = this.currentDelivered ? null : this.current;
    if (report !== null) {
      const result = this.writeReport(report);
      reportOk = result.ok;
      wrote ||= result.wrote;
    }
    for (const [element, value] of extra) {
      const outcome = this.write(element, value);
      wrote ||= outcome === 'ok';
    }
    let committed = true;
    if (wrote) {
      committed = commit();
      if (!committed) this.forgetConfirmed();
    }
    const reportDelivered = report === null || (reportOk && committed);
    if (report !== null && reportDelivered) {
      this.currentDelivered = true;
      this.base = report.suspendData;
    }
    if (committed) this.pending = this.pending.filter((item) => item.writes === null || item.remaining.length > 0);
    const everything = reportDelivered && committed && interactions.ok && this.pending.length === 0;
    if (everything) this.outbox?.clear();
    else this.keepInOutbox();
    return everything;
  }

  /** Write what the pending interactions still lack (assigning indices on first write). An
   * interaction that fails holds back the ones after it: indices must be created in order. */
  private writePending(): { ok: boolean; wrote: boolean } {
    let wrote = false;
    for (const item of this.pending) {
      if (item.writes === null) {
        const records = this.dialect.interaction(this.nextInteraction, item.report);
        this.nextInteraction += records.length;
        item.writes = records.flat();
        item.remaining = [...item.writes];
      }
      // In order (id, then type, then the rest): after a failure the later writes would only fail
      // for want of what came before (2004 error 408), so they wait for the next round.
      let stop = item.remaining.length;
      for (let i = 0; i < item.remaining.length; i += 1) {
        const [element, value] = item.remaining[i]!;
        const outcome = this.write(element, value);
        wrote ||= outcome === 'ok';
        if (outcome === 'failed') {
          stop = i;
          break;
        }
      }
      item.remaining = item.remaining.slice(stop);
      if (item.remaining.length > 0) return { ok: false, wrote };
    }
    return { ok: true, wrote };
  }

  private writeReport(report: LessonReport): { ok: boolean; wrote: boolean } {
    const dialect = this.dialect;
    let ok = true;
    let wrote = false;
    /** One group of writes (an element, an objective); a failure ends the group, whose later
     * writes depend on the earlier ones, until the next round. False when it failed. */
    const run = (writes: Write[], critical: boolean): boolean => {
      for (const [element, value] of writes) {
        const outcome = this.write(element, value);
        wrote ||= outcome === 'ok';
        if (outcome === 'failed' || (critical && outcome === 'dropped')) ok = false;
        if (outcome === 'failed') return false;
      }
      return true;
    };
    if (report.suspendData.length > dialect.limits.suspendData) {
      // Never sent (an LMS may cut it short or refuse it); the outbox keeps it whole.
      ok = false;
      this.notify({ kind: 'save-failed', reason: 'too-long', message: MESSAGES.tooLong });
    } else {
      run(dialect.suspendData(report.suspendData), true);
    }
    run(dialect.location(report.location), true);
    // Objectives too are created in index order: one that fails holds back the rest.
    for (const objective of report.objectives) {
      if (!run(dialect.objective(this.objectiveSlot(objective.id), objective), false)) break;
    }
    // An attempt the LMS already closed (completed, passed, failed) is never reopened by a
    // restored state that says otherwise.
    if (report.complete || !this.session?.finished) run(dialect.status(report.status), false);
    if (report.score !== null) run(dialect.score(report.score), false);
    // Exit stays "suspend" until the learner is finished, so the LMS offers the data again.
    run(dialect.exit(report.complete), false);
    return { ok, wrote };
  }

  private objectiveSlot(id: string): number {
    const known = this.objectiveIndex.get(id);
    if (known !== undefined) return known;
    const index = this.nextObjective;
    this.nextObjective += 1;
    this.objectiveIndex.set(id, index);
    return index;
  }

  /** One SetValue: skipped when the LMS already has the value, retried at once when the error may
   * pass, dropped (reported as such) when the LMS can never take it. */
  private write(element: string, value: string): WriteOutcome {
    const port = this.port;
    if (port === null) return 'failed';
    if (this.confirmed.get(element) === value) return 'skipped';
    for (let attempt = 0; attempt <= this.setValueRetries; attempt += 1) {
      if (port.setValue(element, value)) {
        this.confirmed.set(element, value);
        return 'ok';
      }
      const code = port.lastError();
      if (this.dialect.isPermanentError(code)) {
        // The LMS will never take this value; saying so once is all we can do.
        console.warn(`SCORM ${this.dialect.version}: ${element} refused (${code}: ${port.errorString(code)})`);
        return 'dropped';
      }
    }
    return 'failed';
  }

  /** After a failed commit nothing the LMS accepted is certain to be kept: write it all again. */
  private forgetConfirmed(): void {
    this.confirmed.clear();
    for (const item of this.pending) if (item.writes !== null) item.remaining = [...item.writes];
  }

  // ---- Outbox, retries, notices -----------------------------------------------------------------

  private keepInOutbox(): boolean {
    const outbox = this.outbox ?? new Outbox(this.options.storage ?? null, outboxKey(this.lesson.id, null));
    const report = this.currentDelivered ? null : this.current;
    if (report === null && this.pending.length === 0) {
      outbox.clear();
      return true;
    }
    return outbox.write({
      v: OUTBOX_VERSION,
      lessonId: this.lesson.id,
      learnerId: this.info?.learnerId ?? 'anonymous',
      seq: this.seq,
      savedAt: this.now(),
      base: this.base,
      report,
      pending: this.pending.map((item) => item.report),
    });
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    const delay = this.retryDelays[this.failureStreak - 1];
    if (delay === undefined) {
      this.warnKeptLocally();
      return;
    }
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (this.phase === 'open') this.attempt([]);
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private warnKeptLocally(): void {
    if (this.noticedStreak) return;
    this.noticedStreak = true;
    const kept = this.keepInOutbox();
    this.notify(
      kept
        ? { kind: 'saved-locally', reason: 'refused', message: MESSAGES.savedLocally }
        : { kind: 'save-failed', reason: 'refused-no-storage', message: MESSAGES.saveFailed },
    );
  }

  private notify(notice: TrackerNotice): void {
    if (this.listeners.length === 0) this.queued.push(notice);
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch {
        // A failing listener must not stop the tracker.
      }
    }
  }
}
