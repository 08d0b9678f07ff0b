// @vitest-environment jsdom
/**
 * The factory the app calls, and the local LMS it installs when there is no LMS: discovery, the
 * <script> for local-lms.js, localStorage persistence, resume, and saving when the page hides.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeState } from '../../src/core/codec.js';
import { connect } from '../../src/runtime/index.js';
import { localLmsKey } from '../../src/runtime/local-store-lms.js';
import type { Tracker } from '../../src/runtime/tracker.js';
import { FakeLms } from './support/lms.js';
import { LESSON } from './support/lesson.js';
import { Clock, fullSession, keyWords, Student } from './support/student.js';

const globals = window as unknown as Record<string, unknown>;

function reset(): void {
  for (const name of ['API', 'API_1484_11', 'PropagandaReaderLocalLms']) delete globals[name];
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  delete document.documentElement.dataset.scormVersion;
  localStorage.clear();
}

beforeEach(reset);
afterEach(reset);

/** Make local-lms.js "load": run the package's bundle entry, which defines the global
 * (src/runtime/local-lms-scorm12.ts in the 1.2 package, local-lms-scorm2004.ts in the 2004 one). */
async function loadLocalLmsBundle(version: '1.2' | '2004' = '1.2'): Promise<void> {
  const { vi } = await import('vitest');
  vi.resetModules();
  if (version === '1.2') await import('../../src/runtime/local-lms-scorm12.js');
  else await import('../../src/runtime/local-lms-scorm2004.js');
}

/** What app.js does once local-lms.js has loaded (see connect in src/runtime/index.ts). */
function installLocalLms(version: '1.2' | '2004', key: string): boolean {
  return window.PropagandaReaderLocalLms!.install(version, key);
}

describe('connect', () => {
  it('uses the LMS API it finds and reports lms "lms"', async () => {
    const launch = new FakeLms('1.2').launch();
    launch.installOn(window);
    const tracker = await connect({ lesson: LESSON });
    const info = tracker.start();
    expect(info.lms).toBe('lms');
    expect(info.learnerId).toBe('learner1');
    expect(launch.count('init')).toBe(1);
  });

  it('prefers the version in <html data-scorm-version> when both APIs exist', async () => {
    const v12 = new FakeLms('1.2').launch();
    const v2004 = new FakeLms('2004').launch();
    v12.installOn(window);
    v2004.installOn(window);
    document.documentElement.dataset.scormVersion = '2004';
    (await connect({ lesson: LESSON })).start();
    expect(v2004.count('init')).toBe(1);
    expect(v12.count('init')).toBe(0);
  });

  it('with no LMS, loads local-lms.js next to the page and uses the local LMS', async () => {
    document.documentElement.dataset.scormVersion = '1.2';
    const pending = connect({ lesson: LESSON });
    const script = document.head.querySelector('script');
    expect(script?.getAttribute('src')).toBe('local-lms.js');
    await loadLocalLmsBundle();
    script!.dispatchEvent(new Event('load'));
    const tracker = await pending;
    const info = tracker.start();
    expect(info.lms).toBe('local');
    expect(info.learnerId).toBe('local');
    expect(typeof globals.API).toBe('object');
  });

  it('still returns a tracker when local-lms.js is missing: the work goes to the outbox', async () => {
    const pending = connect({ lesson: LESSON });
    document.head.querySelector('script')!.dispatchEvent(new Event('error'));
    const tracker = await pending;
    const notices: string[] = [];
    tracker.onNotice((n) => notices.push(n.kind));
    const clock = new Clock();
    const student = new Student(tracker, tracker.start(), clock);
    student.go('s01_opening');
    student.answer('s01_q1_loaded_language', { type: 'single', choice: 'b' });
    expect(notices).toEqual(['saved-locally']);
    const entry = JSON.parse(localStorage.getItem('pr-outbox:test-lesson:anonymous')!);
    expect(Object.keys(decodeState(LESSON, entry.report.suspendData).state.answers)).toEqual(['s01_q1_loaded_language']);
  });

  it('saves when the page is hidden and finishes on pagehide when given the snapshot', async () => {
    const launch = new FakeLms('2004').launch();
    launch.installOn(window);
    let student: Student | null = null;
    const tracker = await connect({ lesson: LESSON, snapshot: () => student?.snapshot() ?? null });
    student = new Student(tracker, tracker.start(), new Clock());
    student.go('s01_opening');
    student.type('s01_q4_reflection', 'typed, not yet checked');
    const commits = launch.count('commit');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(launch.count('commit')).toBe(commits + 1);
    window.dispatchEvent(new Event('pagehide'));
    expect(launch.count('finish')).toBe(1);
    expect(decodeState(LESSON, launch.cmi().suspend_data).state.drafts).toEqual({ s01_q4_reflection: 'typed, not yet checked' });
  });
});

describe.each(['1.2', '2004'] as const)('the local SCORM %s LMS', (version) => {
  const key = localLmsKey(LESSON.id, version);
  const other = version === '1.2' ? '2004' : '1.2';
  beforeEach(() => loadLocalLmsBundle(version));

  it(`is the ${version} package's own: it installs ${version} and declines ${other}`, () => {
    expect(installLocalLms(other, localLmsKey(LESSON.id, other))).toBe(false);
    expect(globals[other === '1.2' ? 'API' : 'API_1484_11']).toBeUndefined();
    expect(installLocalLms(version, key)).toBe(true);
  });
  const open = async (): Promise<{ tracker: Tracker; student: Student }> => {
    for (const name of ['API', 'API_1484_11']) delete globals[name];
    document.documentElement.dataset.scormVersion = version;
    await loadLocalLmsBundle(version);
    const tracker = await connect({ lesson: LESSON });
    return { tracker, student: new Student(tracker, tracker.start(), new Clock()) };
  };

  it('keeps the work in localStorage under one key per lesson and version, and resumes it', async () => {
    const first = await open();
    first.student.go('s01_opening');
    first.student.answer('s01_q3_highlight_repetition', { type: 'highlight', words: keyWords() });
    first.student.finish();
    expect(localStorage.getItem(key)).toContain('s01_q3_highlight_repetition');

    const second = await open();
    expect(second.student.info.entry).toBe('resume');
    expect(second.student.info.location).toBe('s01_opening');
    expect(Object.keys(second.student.state.answers)).toEqual(['s01_q3_highlight_repetition']);
  });

  it('takes a whole session (the local LMS validates like any other)', async () => {
    const { student } = await open();
    fullSession(student);
    student.finish();
    const stored = JSON.parse(localStorage.getItem(key)!);
    expect(version === '1.2' ? stored.core.lesson_status : stored.success_status).toBe('passed');
    expect(Object.keys(stored.interactions)).toHaveLength(version === '1.2' ? 13 : 9);
  });

  it('reports a commit the browser cannot store as failed (error 101)', () => {
    installLocalLms(version, key);
    const api = globals[version === '1.2' ? 'API' : 'API_1484_11'] as Record<string, (...a: string[]) => string>;
    const [init, commit, error] = version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSGetLastError'] : ['Initialize', 'Commit', 'GetLastError'];
    expect(api[init]!('')).toBe('true');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(api[commit]!('')).toBe('false');
      expect(api[error]!()).toBe('101');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(api[commit]!('')).toBe('true');
    expect(api[error]!()).toBe('0');
  });

  it('starts afresh when its stored data is garbage', () => {
    localStorage.setItem(key, '{"core": "not an object", "interactions": 7');
    expect(installLocalLms(version, key)).toBe(true);
    localStorage.setItem(key, JSON.stringify({ core: { lesson_status: 'bogus' }, completion_status: 'bogus', exit: 'suspend' }));
    for (const name of ['API', 'API_1484_11']) delete globals[name];
    expect(installLocalLms(version, key)).toBe(true);
  });

  it('does not replace an API that is already there', () => {
    const launch = new FakeLms(version).launch();
    launch.installOn(window);
    installLocalLms(version, key);
    expect(globals[version === '1.2' ? 'API' : 'API_1484_11']).toBe(launch.raw);
  });
});
