/**
 * Opening a tracker on a FakeLms launch, as connect() would, with a fake clock, manual timers and
 * an in-memory localStorage.
 */
import { findApi } from '../../../src/runtime/discovery.js';
import { latestAnswerTime } from '../../../src/runtime/index.js';
import { createTracker, type Timers } from '../../../src/runtime/scorm-tracker.js';
import type { SessionInfo, Tracker, TrackerNotice } from '../../../src/runtime/tracker.js';
import { LESSON } from './lesson.js';
import { FakeLms, MemoryStorage, type Launch, type LaunchOptions } from './lms.js';
import { Clock, Student } from './student.js';

/** Timers that run only when the test says so. */
export class ManualTimers implements Timers {
  private queue: Array<{ id: number; at: number; run: () => void }> = [];
  private next = 1;
  elapsed = 0;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.queue.push({ id, at: this.elapsed + ms, run: callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  get pending(): number {
    return this.queue.length;
  }
  /** Run every timer, including those the callbacks schedule, in time order. */
  runAll(limit = 100): void {
    for (let i = 0; i < limit && this.queue.length > 0; i += 1) {
      this.queue.sort((a, b) => a.at - b.at);
      const timer = this.queue.shift()!;
      this.elapsed = timer.at;
      timer.run();
    }
  }
}

export interface Session {
  launch: Launch;
  tracker: Tracker;
  info: SessionInfo;
  student: Student;
  notices: TrackerNotice[];
  timers: ManualTimers;
}

export function openSession(
  lms: FakeLms,
  options: LaunchOptions = {},
  storage: MemoryStorage = new MemoryStorage(),
  clock: Clock = new Clock(),
): Session {
  const launch = lms.launch(options);
  const host = { [lms.version === '1.2' ? 'API' : 'API_1484_11']: launch.raw } as unknown as Window;
  const found = findApi(host, lms.version);
  if (!found) throw new Error('test LMS not found');
  const timers = new ManualTimers();
  const tracker = createTracker({
    lesson: LESSON,
    dialect: found.dialect,
    port: found.port,
    storage,
    now: clock.now,
    timers,
    latestActivity: (raw) => latestAnswerTime(LESSON, raw),
  });
  const notices: TrackerNotice[] = [];
  tracker.onNotice((notice) => notices.push(notice));
  const info = tracker.start();
  return { launch, tracker, info, student: new Student(tracker, info, clock), notices, timers };
}

export const VERSIONS = ['1.2', '2004'] as const;
