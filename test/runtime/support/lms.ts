/**
 * A test LMS: scorm-again's run-time API (the real validator of types and vocabularies) behind a
 * window.API-like object that keeps data between launches the way Moodle does, logs every call,
 * can inject faults and hostile values, and can apply Moodle's SCORM 1.2 LMSFinish rule.
 *
 * Written from the spec and Moodle's behaviour, independently of src/runtime's dialects, so the
 * tests check the dialects rather than repeat them.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';

export type Version = '1.2' | '2004';

export interface Faults {
  /** 0..1 random source (seeded in tests). */
  rng: () => number;
  /** Share of SetValue and Commit calls that fail. */
  rate: number;
  /** The error code GetLastError reports after an injected failure. */
  code: string;
}

export interface LaunchOptions {
  learnerId?: string;
  learnerName?: string;
  /** 1.2 cmi.student_data.mastery_score / 2004 cmi.scaled_passing_score, as the manifest gives it. */
  mastery?: string;
  mode?: 'normal' | 'review' | 'browse';
  credit?: 'credit' | 'no-credit';
  /** Values GetValue returns instead of the stored ones (hostile LMS). */
  overrides?: Record<string, string>;
  /** Moodle's 1.2 rule at LMSFinish: not attempted → completed; with a mastery score and a raw
   * score, status becomes passed/failed whatever the content said. */
  moodleFinishRule?: boolean;
  faults?: Faults;
}

export interface Call {
  fn: string;
  args: string[];
  result: string;
  error: string;
}

const NAMES = {
  '1.2': {
    init: 'LMSInitialize',
    finish: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    error: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
    diagnostic: 'LMSGetDiagnostic',
  },
  '2004': {
    init: 'Initialize',
    finish: 'Terminate',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    error: 'GetLastError',
    errorString: 'GetErrorString',
    diagnostic: 'GetDiagnostic',
  },
} as const;

type Json = Record<string, any>;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** One learner's data for one SCO, across launches. */
export class FakeLms {
  /** The CMI data as of the last successful commit or terminate (null before the first). */
  stored: Json | null = null;
  /** Attempts the LMS closed (2004: a launch after an exit other than suspend starts a new one). */
  closedAttempts: Json[] = [];
  launches: Launch[] = [];

  constructor(readonly version: Version) {}

  /** The data of the newest attempt that holds any (the current one, else the last closed one). */
  latest(): Json | null {
    return this.stored ?? this.closedAttempts[this.closedAttempts.length - 1] ?? null;
  }

  launch(options: LaunchOptions = {}): Launch {
    const launch = new Launch(this, options);
    this.launches.push(launch);
    return launch;
  }

  /** What the next launch is offered: Moodle keeps 1.2 data whatever the exit; 2004 data only
   * after exit=suspend. Entry is resume after a suspend. */
  carried(): Json {
    const stored = this.stored ? clone(this.stored) : null;
    if (this.version === '1.2') {
      const data: Json = stored ?? { core: {} };
      data.core ??= {};
      data.core.entry = data.core.exit === 'suspend' ? 'resume' : stored ? '' : 'ab-initio';
      delete data.core.exit;
      delete data.core.session_time;
      return data;
    }
    if (!stored || stored.exit !== 'suspend') {
      if (stored) this.closedAttempts.push(stored);
      this.stored = null;
      return { entry: 'ab-initio' };
    }
    stored.entry = 'resume';
    delete stored.exit;
    delete stored.session_time;
    return stored;
  }
}

export class Launch {
  readonly api: Scorm12API | Scorm2004API;
  /** The object the content finds as window.API / window.API_1484_11. */
  readonly raw: Record<string, (...args: string[]) => string>;
  readonly calls: Call[] = [];
  /** Commits still to refuse (error 101, nothing stored): set by a test. */
  refuseCommits = 0;
  /** Refuse LMSFinish/Terminate too (error 101, nothing stored). */
  refuseFinish = false;
  private injected: string | null = null;

  constructor(
    readonly lms: FakeLms,
    readonly options: LaunchOptions,
  ) {
    const version = lms.version;
    this.api = version === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
    const data = lms.carried();
    if (version === '1.2') {
      data.core.student_id = options.learnerId ?? 'learner1';
      data.core.student_name = options.learnerName ?? 'Doe, Jane';
      data.core.lesson_mode = options.mode ?? 'normal';
      data.core.credit = options.credit ?? 'credit';
      data.student_data = { ...(data.student_data ?? {}), mastery_score: options.mastery ?? '' };
    } else {
      data.learner_id = options.learnerId ?? 'learner1';
      data.learner_name = options.learnerName ?? 'Doe, Jane';
      data.mode = options.mode ?? 'normal';
      data.credit = options.credit ?? 'credit';
      data.scaled_passing_score = options.mastery ?? '';
    }
    this.api.loadFromJSON(data);

    const n = NAMES[version];
    const api = this.api as unknown as Record<string, (...args: string[]) => string>;
    const faulty = (fn: string) => options.faults !== undefined && (fn === n.set || fn === n.commit) && options.faults.rng() < options.faults.rate;
    const wrap = (fn: string) => (...args: string[]) => {
      if (fn === n.error) {
        const code = this.injected ?? String(api[fn]!());
        this.calls.push({ fn, args, result: code, error: code });
        return code;
      }
      this.injected = null;
      let result: string;
      if (faulty(fn)) {
        this.injected = options.faults!.code;
        result = 'false';
      } else if ((fn === n.commit && this.refuseCommits > 0) || (fn === n.finish && this.refuseFinish)) {
        if (fn === n.commit) this.refuseCommits -= 1;
        this.injected = '101';
        result = 'false';
      } else if (fn === n.get && options.overrides && args[0]! in options.overrides) {
        // A stored value as the LMS hands it over: no error.
        this.injected = '0';
        result = options.overrides[args[0]!]!;
      } else {
        if (fn === n.finish && options.moodleFinishRule) this.applyMoodleFinishRule();
        result = String(api[fn]!(...args));
        if ((fn === n.commit || fn === n.finish) && result === 'true') this.persist();
      }
      this.calls.push({ fn, args, result, error: this.injected ?? String(api[n.error]!()) });
      return result;
    };
    this.raw = Object.fromEntries(Object.values(n).map((fn) => [fn, wrap(fn)]));
  }

  private persist(): void {
    this.lms.stored = clone(this.api.renderCMIToJSONObject().cmi as Json);
  }

  private applyMoodleFinishRule(): void {
    const api = this.api as Scorm12API;
    if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') api.LMSSetValue('cmi.core.lesson_status', 'completed');
    const mastery = api.LMSGetValue('cmi.student_data.mastery_score');
    const raw = api.LMSGetValue('cmi.core.score.raw');
    if (mastery !== '' && raw !== '') {
      (api.cmi.core as unknown as { lesson_status: string }).lesson_status = Number(raw) >= Number(mastery) ? 'passed' : 'failed';
    }
  }

  /** The live CMI data (interactions included, which 1.2 content can't read back). */
  cmi(): Json {
    return clone(this.api.renderCMIToJSONObject().cmi as Json);
  }

  /** SetValue calls the content made (succeeded or not), in order. */
  sets(): Array<[string, string]> {
    const set = NAMES[this.lms.version].set;
    return this.calls.filter((c) => c.fn === set).map((c) => [c.args[0]!, c.args[1]!]);
  }

  /** Calls the content made, GetLastError included, as function names. */
  sequence(): string[] {
    return this.calls.map((c) => c.fn);
  }

  count(fn: 'init' | 'finish' | 'commit' | 'set'): number {
    const name = NAMES[this.lms.version][fn];
    return this.calls.filter((c) => c.fn === name).length;
  }

  /** Install as the version's global on `win`. */
  installOn(win: object): void {
    (win as Record<string, unknown>)[this.lms.version === '1.2' ? 'API' : 'API_1484_11'] = this.raw;
  }
}

/** Mulberry32: a small seeded RNG, so fault runs are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An in-memory Web Storage. */
export class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}
