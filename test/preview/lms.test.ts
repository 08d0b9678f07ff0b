// @vitest-environment jsdom
/**
 * The preview host's LMS (src/preview/lms.ts + cmi.ts): scorm-again behind a recording wrapper,
 * launched fresh, as resume and as review, with a server that can be slow or failing.
 */
import { describe, expect, it } from 'vitest';
import { createPreviewLms, SLOW_COMMIT_MS, type PreviewLms } from '../../src/preview/lms.js';
import { flattenCmi, parseStored, readManifest, type ManifestLaunchData, type StoredAttempt } from '../../src/preview/cmi.js';

const NO_MANIFEST: ManifestLaunchData = { title: null, masteryScore: null, scaledPassingScore: null, completionThreshold: null };
const MASTERY_70: ManifestLaunchData = { ...NO_MANIFEST, masteryScore: 70 };

function storing(lms: PreviewLms): StoredAttempt[] {
  const stored: StoredAttempt[] = [];
  lms.onStore((s) => stored.push(s));
  return stored;
}

/** A short 1.2 session as a SCO would run it. */
function session12(lms: PreviewLms, extra: (api: PreviewLms['api']) => void = () => {}) {
  const api = lms.api;
  expect(api.LMSInitialize!('')).toBe('true');
  api.LMSSetValue!('cmi.core.lesson_location', 's02_phase');
  api.LMSSetValue!('cmi.suspend_data', 'v1;s02_phase;a:1');
  api.LMSSetValue!('cmi.core.lesson_status', 'incomplete');
  api.LMSSetValue!('cmi.interactions.0.id', 's01_q1_occasion');
  api.LMSSetValue!('cmi.interactions.0.type', 'choice');
  api.LMSSetValue!('cmi.interactions.0.student_response', 'a');
  api.LMSSetValue!('cmi.core.session_time', '0000:10:00.00');
  api.LMSSetValue!('cmi.core.exit', 'suspend');
  extra(api);
}

describe('the preview LMS', () => {
  it('answers the package like an LMS and records every call with its return and error code', () => {
    const lms = createPreviewLms({ version: '1.2', kind: 'fresh', stored: null, manifest: MASTERY_70 });
    const api = lms.api;
    expect(Object.keys(api)).toEqual(['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);
    expect(api.LMSGetValue!('cmi.core.entry')).toBe('');
    expect(lms.calls[0]).toMatchObject({ method: 'LMSGetValue', element: 'cmi.core.entry', error: '301' });
    expect(api.LMSInitialize!('')).toBe('true');
    expect(lms.state).toBe('running');
    expect(api.LMSGetValue!('cmi.core.entry')).toBe('ab-initio');
    expect(api.LMSGetValue!('cmi.core.credit')).toBe('credit');
    expect(api.LMSGetValue!('cmi.core.lesson_mode')).toBe('normal');
    expect(api.LMSGetValue!('cmi.core.student_name')).toBe('Learner, Preview');
    expect(api.LMSGetValue!('cmi.student_data.mastery_score')).toBe('70');
    expect(api.LMSSetValue!('cmi.core.lesson_status', 'incorrect')).toBe('false');
    expect(api.LMSGetLastError!()).toBe('405');
    const calls = lms.calls.slice(-2);
    expect(calls[0]).toMatchObject({ method: 'LMSSetValue', element: 'cmi.core.lesson_status', value: 'incorrect', returned: 'false', error: '405' });
    expect(calls[1]).toMatchObject({ method: 'LMSGetLastError', element: null, returned: '405' });
    expect(lms.calls.map((c) => c.seq)).toEqual(lms.calls.map((_, i) => i + 1));
    for (const call of lms.calls) expect(call.at).toBeGreaterThanOrEqual(0);
  });

  it('stores data only at a successful commit or finish, never at SetValue', () => {
    const lms = createPreviewLms({ version: '1.2', kind: 'fresh', stored: null, manifest: NO_MANIFEST });
    const stored = storing(lms);
    session12(lms);
    expect(stored).toEqual([]);
    expect(lms.api.LMSCommit!('')).toBe('true');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.exit).toBe('suspend');
    expect(flattenCmi(stored[0]!.cmi)).toContainEqual(['cmi.suspend_data', 'v1;s02_phase;a:1']);
  });

  it('relaunches as resume with the stored data, entry "resume", and total time accumulated', () => {
    const first = createPreviewLms({ version: '1.2', kind: 'fresh', stored: null, manifest: NO_MANIFEST });
    const stored = storing(first);
    session12(first);
    expect(first.api.LMSFinish!('')).toBe('true');
    const last = stored.at(-1)!;
    const second = createPreviewLms({ version: '1.2', kind: 'resume', stored: last, manifest: NO_MANIFEST });
    expect(second.warnings).toEqual([]);
    const api = second.api;
    api.LMSInitialize!('');
    expect(api.LMSGetValue!('cmi.core.entry')).toBe('resume');
    expect(api.LMSGetValue!('cmi.core.lesson_location')).toBe('s02_phase');
    expect(api.LMSGetValue!('cmi.suspend_data')).toBe('v1;s02_phase;a:1');
    expect(api.LMSGetValue!('cmi.interactions._count')).toBe('1');
    expect(api.LMSGetValue!('cmi.core.total_time')).toMatch(/^0*0:10:00/);
  });

  it('says when Moodle would not have resumed (exit was not "suspend")', () => {
    const lms = createPreviewLms({ version: '2004', kind: 'fresh', stored: null, manifest: NO_MANIFEST });
    const stored = storing(lms);
    lms.api.Initialize!('');
    lms.api.SetValue!('cmi.exit', 'normal');
    lms.api.Terminate!('');
    const next = createPreviewLms({ version: '2004', kind: 'resume', stored: stored.at(-1)!, manifest: NO_MANIFEST });
    expect(next.warnings.join(' ')).toMatch(/cmi\.exit "normal", not "suspend": Moodle would not reload this data/);
  });

  it('relaunches in review mode without credit, and stores nothing from a review', () => {
    const first = createPreviewLms({ version: '2004', kind: 'fresh', stored: null, manifest: NO_MANIFEST });
    const stored = storing(first);
    first.api.Initialize!('');
    first.api.SetValue!('cmi.location', 's03_enemy');
    first.api.SetValue!('cmi.exit', 'suspend');
    first.api.Terminate!('');
    const review = createPreviewLms({ version: '2004', kind: 'review', stored: stored.at(-1)!, manifest: NO_MANIFEST });
    const reviewStored = storing(review);
    review.api.Initialize!('');
    expect(review.api.GetValue!('cmi.mode')).toBe('review');
    expect(review.api.GetValue!('cmi.credit')).toBe('no-credit');
    expect(review.api.GetValue!('cmi.location')).toBe('s03_enemy');
    expect(review.api.Commit!('')).toBe('true');
    expect(reviewStored).toEqual([]);
    expect(review.calls.at(-1)!.note).toMatch(/review mode/);
  });

  it('applies Moodle’s 1.2 mastery rule at finish and says so in the log', () => {
    const lms = createPreviewLms({ version: '1.2', kind: 'fresh', stored: null, manifest: MASTERY_70 });
    const stored = storing(lms);
    session12(lms, (api) => api.LMSSetValue!('cmi.core.score.raw', '80'));
    lms.api.LMSFinish!('');
    expect(flattenCmi(stored.at(-1)!.cmi)).toContainEqual(['cmi.core.lesson_status', 'passed']);
    expect(lms.calls.at(-1)!.note).toBe('LMS rule at finish: status "incomplete" → "passed"');
  });

  it('holds the page for 200 ms per commit when the server is slow', () => {
    const lms = createPreviewLms({ version: '1.2', kind: 'fresh', stored: null, manifest: NO_MANIFEST, behaviour: 'slow' });
    const stored = storing(lms);
    session12(lms);
    const t0 = Date.now();
    expect(lms.api.LMSCommit!('')).toBe('true');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(SLOW_COMMIT_MS - 1);
    expect(lms.calls.at(-1)!.duration).toBeGreaterThanOrEqual(SLOW_COMMIT_MS);
    expect(stored).toHaveLength(1);
    // SetValue is local in Moodle too: only commit and finish pay the round trip.
    const t1 = Date.now();
    lms.api.LMSSetValue!('cmi.core.lesson_location', 's03_enemy');
    expect(Date.now() - t1).toBeLessThan(SLOW_COMMIT_MS / 2);
  });

  it.each([
    ['1.2', 'LMSCommit', 'LMSGetLastError', 'LMSSetValue', '101'],
    ['2004', 'Commit', 'GetLastError', 'SetValue', '391'],
  ] as const)('a failing %s server returns "false" from %s, stores nothing, and recovers', (version, commit, lastError, setValue, code) => {
    const lms = createPreviewLms({ version, kind: 'fresh', stored: null, manifest: NO_MANIFEST, behaviour: 'failing' });
    const stored = storing(lms);
    lms.api[version === '1.2' ? 'LMSInitialize' : 'Initialize']!('');
    lms.api[setValue]!('cmi.suspend_data', 'draft');
    expect(lms.api[commit]!('')).toBe('false');
    expect(lms.api[lastError]!()).toBe(code);
    expect(lms.api[lastError]!()).toBe(code);
    expect(stored).toEqual([]);
    expect(lms.calls.find((c) => c.method === commit)).toMatchObject({ returned: 'false', error: code, note: 'simulated server failure: nothing stored' });
    // The next ordinary call resets the error, as every SCORM call does.
    lms.api[setValue]!('cmi.suspend_data', 'draft 2');
    expect(lms.api[lastError]!()).toBe('0');
    lms.behaviour = 'normal';
    expect(lms.api[commit]!('')).toBe('true');
    expect(stored).toHaveLength(1);
  });
});

describe('stored data and the manifest', () => {
  it('ignores stored data that is not ours or not for this version', () => {
    expect(parseStored(null, '1.2')).toBeNull();
    expect(parseStored('not json', '1.2')).toBeNull();
    expect(parseStored(JSON.stringify({ version: '2004', cmi: {}, exit: '', savedAt: 1 }), '1.2')).toBeNull();
    expect(parseStored(JSON.stringify({ version: '1.2', cmi: 'x', exit: '', savedAt: 1 }), '1.2')).toBeNull();
    const good = { version: '1.2', cmi: { suspend_data: 'x' }, exit: 'suspend', savedAt: 1 };
    expect(parseStored(JSON.stringify(good), '1.2')).toEqual(good);
  });

  it('reads the mastery score, passing score and completion threshold an LMS takes from the manifest', () => {
    const parser = new DOMParser();
    const m12 = readManifest(
      `<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
        <organizations><organization identifier="o"><title>Heroes</title><item identifier="i"><title>x</title>
        <adlcp:masteryscore>70</adlcp:masteryscore></item></organization></organizations></manifest>`,
      parser,
    );
    expect(m12).toEqual({ title: 'Heroes', masteryScore: 70, scaledPassingScore: null, completionThreshold: null });
    const m2004 = readManifest(
      `<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
        <organizations><organization identifier="o"><title>Heroes</title><item identifier="i"><title>x</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.9"/>
        <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true">
        <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>
        </item></organization></organizations></manifest>`,
      parser,
    );
    expect(m2004).toEqual({ title: 'Heroes', masteryScore: null, scaledPassingScore: 0.7, completionThreshold: 0.9 });
    expect(readManifest('<manifest', parser)).toEqual(NO_MANIFEST);
  });
});
