/**
 * The benchmark's bookkeeping (bench/lib/report.mjs, bench/lib/session.mjs): a number that could
 * not be measured never passes a budget, a miss says by how much, and LMS commits are attributed
 * to the check or the typing that set them off. (Kept with the preview tests: test/ mirrors the
 * owners' folders and the benchmark has no test folder of its own.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { checkBudgets, format, metric, na } from '../../bench/lib/report.mjs';
// @ts-expect-error plain ES module without types
import { trafficFigures } from '../../bench/lib/session.mjs';
// @ts-expect-error plain ES module without types
import { median, percentile } from '../../bench/lib/browser.mjs';
// @ts-expect-error plain ES module without types
import { lessonWords, zipEntries, zipFloor } from '../../bench/lib/floor.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { zipSync, strToU8 } from 'fflate';

const budgets = JSON.parse(readFileSync(join(__dirname, '../../bench/budgets.json'), 'utf8')).budgets as { id: string; metric: string; max: number }[];

describe('bench budgets', () => {
  it('holds the budgets of issue 6, unweakened', () => {
    expect(Object.fromEntries(budgets.map((b) => [b.id, b.max]))).toEqual({
      'launch-gzip': 30000,
      'zip-scorm12': 80000,
      'first-segment-ratio': 1.3,
      'commits-per-check': 1,
      'commits-while-typing': 0,
      'worst-case-suspend-12': 3000,
      'synthetic-build': 10000,
      'segment-switch-p95': 16,
    });
  });

  it('fails a budget whose number could not be measured, and says why', () => {
    const [result] = checkBudgets({ size: na('dist/ missing') }, [{ id: 'launch-gzip', metric: 'size.launch.gzip', max: 30000, unit: 'bytes', what: 'launch' }]);
    expect(result.ok).toBe(false);
    expect(result.message).toBe('launch-gzip: not measured (dist/ missing); budget 30,000 B (30.0 KB)');
    const [missing] = checkBudgets({}, [{ id: 'x', metric: 'a.b', max: 1, unit: '', what: 'x' }]);
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/not measured \(a\.b was not measured\)/);
  });

  it('passes a number at the budget and names the excess of one over it', () => {
    const at = checkBudgets({ t: { ratio: 1.3 } }, [{ id: 'r', metric: 't.ratio', max: 1.3, unit: '×', what: 'ratio' }]);
    expect(at[0].ok).toBe(true);
    const over = checkBudgets({ t: { ratio: 1.56 } }, [{ id: 'r', metric: 't.ratio', max: 1.3, unit: '×', what: 'ratio' }]);
    expect(over[0].ok).toBe(false);
    expect(over[0].message).toBe('r: 1.56× is over the budget of 1.30× by 0.26×, 20% (ratio)');
    const zero = checkBudgets({ t: { c: 2 } }, [{ id: 'c', metric: 't.c', max: 0, unit: 'commits', what: 'typing' }]);
    expect(zero[0].message).toBe('c: 2 commits is over the budget of 0 commits by 2 commits (typing)');
  });

  it('reads keys that hold dots when given as a list', () => {
    const results = { size: { files: { 'app.js': { gzip: 5 } } } };
    expect(metric(results, ['size', 'files', 'app.js', 'gzip'])).toBe(5);
    expect(format(metric(results, 'size.files.app.js.gzip'), 'bytes')).toMatch(/^n\/a \(/);
  });

  it('takes the median and nearest-rank percentile', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([...Array(100).keys()].map((i) => i + 1), 95)).toBe(95);
    expect(percentile([1, 2, 3], 95)).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('bench traffic accounting', () => {
  const commit = (t: number) => ({ m: 'LMSCommit', t0: t, t1: t + 200, r: 'true' });
  const set = (t: number, el: string, v = 'x') => ({ m: 'LMSSetValue', t0: t, t1: t, r: 'true', el, v });

  it('counts the commits in each check’s window and in each typing window with its pause', () => {
    const session = {
      calls: [set(100, 'cmi.interactions.0.id', 'q1'), commit(110), commit(5000), commit(5100), set(6100, 'cmi.suspend_data'), commit(6200), commit(9000), { m: 'LMSFinish', t0: 9300, t1: 9500, r: 'true' }],
      checks: [
        { t0: 90, t1: 400, question: 'q1' },
        { t0: 8990, t1: 9600, question: 'q3' },
      ],
      typing: [{ t0: 4000, t1: 6000, paused: 8000, chars: 100, question: 'q2' }],
      longTasks: [{ start: 8995, duration: 650 }],
    };
    const f = trafficFigures(session, '1.2');
    expect(f.commit).toBe(5);
    expect(f.setValue).toBe(2);
    expect(f.commitsPerCheck).toBe(1);
    expect(f.commitsDuringKeystrokes).toBe(2);
    expect(f.commitsWhileTyping).toBe(3);
    expect(f.longestCommitBlockMs).toBe(650);
    expect(f.detail.longestCommitTasks).toEqual([{ durationMs: 650, lmsCalls: ['LMSCommit', 'LMSFinish'], calls: { LMSCommit: 1, LMSFinish: 1 }, location: null }]);
    expect(f.detail.typingWithCommits[0]).toMatchObject({ question: 'q2', commits: 3 });
    expect(f.finished).toBe(true);
  });

  it('reports the most commits any one check caused, with what was sent', () => {
    const session = {
      calls: [set(100, 'cmi.interactions.4.id', 'syn_q1'), commit(110), commit(320), { m: 'LMSFinish', t0: 530, t1: 730, r: 'true' }],
      checks: [{ t0: 90, t1: 900, question: 'syn_q1' }],
      typing: [],
      longTasks: [],
    };
    const f = trafficFigures(session, '1.2');
    expect(f.commitsPerCheck).toBe(2);
    expect(f.commitsWhileTyping).toBeNull();
    expect(f.longestCommitBlockMs).toBeNull();
    expect(f.detail.checksWithMoreThanOneCommit).toEqual([
      { question: 'syn_q1', commits: 2, calls: { 'LMSSetValue cmi.interactions.n.id': 1, LMSCommit: 2, LMSFinish: 1, interactionsRecorded: ['syn_q1'] } },
    ]);
  });
});

describe('bench size floors', () => {
  const words = 'Let us all live and struggle like heroes! '.repeat(20);

  it('counts each text of the lesson once, and no ids', () => {
    const one = lessonWords({ id: 'heroes', title: words, segments: [{ id: 's01', paragraphs: [words, 'Another paragraph.'] }] });
    const twice = lessonWords({ id: 'heroes', title: words, segments: [{ id: 's01', paragraphs: [words, 'Another paragraph.', words] }] });
    expect(one.strings).toBe(2);
    expect(twice).toEqual(one);
    expect(one.raw).toBe(words.length + 1 + 'Another paragraph.'.length);
  });

  it('reads compressed sizes from the zip, and leaves app code and lesson content out of the floor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'floor-'));
    const file = join(dir, 'p.zip');
    const big = (n: number) => strToU8(Array.from({ length: n }, (_, i) => `line ${i * 7919 % 1000}`).join('\n'));
    writeFileSync(file, zipSync({ 'imsmanifest.xml': big(50), 'local-lms.js': big(400), 'app.js': big(900), 'app-main.js': big(900), 'lesson.js': big(300), pages: { 's01.js': big(700) } }, { level: 9 }));
    const entries = zipEntries(file) as { name: string; compressed: number }[];
    expect(entries.map((e) => e.name).sort()).toEqual(['app-main.js', 'app.js', 'imsmanifest.xml', 'lesson.js', 'local-lms.js', 'pages/s01.js']);
    const size = (name: string) => entries.find((e) => e.name === name)!.compressed;
    const floor = zipFloor(file, { title: words });
    expect(floor.localLms).toBe(size('local-lms.js'));
    expect(floor.other).toBe(size('imsmanifest.xml'));
    expect(floor.bytes).toBe(floor.words + size('local-lms.js') + size('imsmanifest.xml'));
  });

  it('says so when the zip is missing', () => {
    expect(zipFloor('/nowhere/p.zip', {})).toMatchObject({ na: expect.stringContaining('missing') });
  });
});
