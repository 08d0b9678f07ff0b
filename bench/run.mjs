#!/usr/bin/env node
/**
 * npm run bench: how big, how fast and how chatty the built package is, against bench/budgets.json.
 *
 *  1. Size: the zips; what a browser transfers on an LMS launch (every package file Chromium asks
 *     for until the first page shows and the network is quiet: a new student, and one resumed at
 *     segment 1), raw and gzipped; local-lms.js apart; the floors (the talk's text alone, the
 *     lesson's words alone, and the least a 1.2 zip of those words could weigh: bench/lib/floor.mjs).
 *  2. Time to first segment in Chromium at 4x CPU throttling, inside an LMS frame (scorm-again in
 *     the parent), resumed at the first segment, against a static page holding the same text.
 *  3. LMS traffic over a scripted full session; commits per check, while typing, and the longest
 *     main-thread block when each commit takes 200 ms.
 *  4. State size: suspend data after the session; the SCORM 1.2 worst case (core/codec).
 *  5. Scale: a synthetic 200-segment, 1000-question lesson: build time, segment switch time, suspend
 *     data at completion, JS heap.
 *
 * Uses dist/ (runs the build first when it is missing). Talks only to 127.0.0.1. Stops by itself:
 * every step has a time limit, and the whole run stops after BENCH_DEADLINE_MIN minutes (25).
 * Prints a table, writes bench/results.json, and exits 1 naming every budget missed or unmeasured.
 *
 *   node bench/run.mjs [--runs N]        N ≥ 7 timing runs per page (default 7)
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { createPreviewServer, listen } from '../scripts/serve.mjs';
import { launchChromium, median, openInLmsFrame } from './lib/browser.mjs';
import { importTypeScript } from './lib/compile.mjs';
import { lessonWords, zipFloor } from './lib/floor.mjs';
import { checkBudgets, format, isNa, metric, na, table } from './lib/report.mjs';
import { fullSession, segmentWalk, trafficFigures } from './lib/session.mjs';
import { SYNTHETIC_ID, writeSyntheticLesson } from './lib/synthetic.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const LESSON_ID = 'heroes-1988';
const CPU_THROTTLING = 4;
const SLOW_COMMIT_MS = 200;
const DEADLINE_MIN = Number(process.env.BENCH_DEADLINE_MIN ?? 25);
/** BENCH_ONLY=first,traffic,scale runs only those browser sections (for working on one number). */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const wanted = (section) => !ONLY || ONLY.has(section);
const SKIPPED = na('skipped (BENCH_ONLY)');

const argv = process.argv.slice(2);
const runsArg = argv.indexOf('--runs');
const RUNS = Math.max(7, runsArg >= 0 ? Number(argv[runsArg + 1]) || 7 : 7);

const log = (line) => process.stderr.write(`${line}\n`);
const startedAt = Date.now();
const hardStop = setTimeout(() => {
  log(`bench: stopped after ${DEADLINE_MIN} minutes (BENCH_DEADLINE_MIN); no results written.`);
  process.exit(2);
}, DEADLINE_MIN * 60_000);
hardStop.unref();

/** Runs `work`, giving up after `ms` with an error naming `what`. */
function within(ms, what, work) {
  let timer;
  return Promise.race([
    work().finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

/** Runs a command, resolving with its exit code, wall time and the tail of its output. */
function run(command, args, timeoutMs) {
  return new Promise((resolveRun) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, ms: performance.now() - t0, output: output.trim() });
    });
  });
}

const lastLine = (text) => text.split('\n').filter((l) => l.trim()).pop() ?? '';
/** The first error a build printed (its report lists errors first), without the folder prefix. */
const firstProblem = (text) => (text.split('\n').find((l) => /\S/.test(l) && !/^note:/.test(l)) ?? '').replace(/^\S*\/lessons\//, 'lessons/').trim() || 'no output';
const gz = (buf) => gzipSync(buf, { level: 6 }).length; // the usual web-server level
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The package's lesson, whole: lesson.js (the outline) with every page's script merged in. */
async function readLesson(dir) {
  const sandbox = { window: {} };
  runInNewContext(readFileSync(join(dir, 'lesson.js'), 'utf8'), sandbox, { timeout: 5000 });
  const outline = sandbox.window.PropagandaReaderLesson;
  if (!outline || !Array.isArray(outline.segments)) throw new Error('lesson.js defines no window.PropagandaReaderLesson');
  const files = Object.values(outline.pageFiles ?? {});
  for (const file of files) runInNewContext(readFileSync(join(dir, file), 'utf8'), sandbox, { timeout: 5000 });
  if (files.length === 0) return outline;
  const { withPage } = await importTypeScript(ROOT, 'src/model/pages.ts');
  return Object.values(sandbox.window.PropagandaReaderPages ?? {}).reduce(withPage, outline);
}

// ---------------------------------------------------------------------------------------------

async function ensureDist() {
  const needed = [`${LESSON_ID}/index.html`, `${LESSON_ID}/app.js`, `${LESSON_ID}/lesson.js`, `${LESSON_ID}-scorm12.zip`];
  const missing = () => needed.filter((f) => !existsSync(join(DIST, f)));
  if (missing().length === 0) return null;
  log(`bench: dist/ lacks ${missing().join(', ')}; running npm run build…`);
  const build = await run(process.execPath, [join(ROOT, 'scripts/build.mjs')], 10 * 60_000);
  if (missing().length === 0) return null;
  return `the build failed: ${lastLine(build.output) || `exit code ${build.code}`}`;
}

function sizes(distProblem, lesson) {
  if (distProblem) return na(distProblem);
  const pkg = join(DIST, LESSON_ID);
  const zipSize = (name) => (existsSync(join(DIST, name)) ? statSync(join(DIST, name)).size : na(`dist/${name} missing`));
  const local = existsSync(join(pkg, 'local-lms.js')) ? readFileSync(join(pkg, 'local-lms.js')) : null;
  const text = lesson.segments.map((s) => s.paragraphs.join('\n\n')).join('\n\n');
  return {
    zips: { scorm12: zipSize(`${LESSON_ID}-scorm12.zip`), scorm2004: zipSize(`${LESSON_ID}-scorm2004.zip`) },
    launch: na('measured in Chromium (skipped: BENCH_ONLY without "first", or no browser)'),
    localLms: local ? { raw: local.length, gzip: gz(local) } : na('local-lms.js missing'),
    floor: { raw: Buffer.byteLength(text), gzip: gz(Buffer.from(text)) },
    words: lessonWords(lesson),
    zip12Floor: zipFloor(join(DIST, `${LESSON_ID}-scorm12.zip`), lesson),
  };
}

function freshCmi() {
  return { core: { student_id: 'bench', student_name: 'Learner, Bench', credit: 'credit', lesson_mode: 'normal', entry: 'ab-initio', lesson_status: 'not attempted' } };
}

function resumeCmi(page, suspendData, version = '1.2') {
  const suspend = suspendData ? { suspend_data: suspendData } : {};
  if (version === '2004') {
    return { learner_id: 'bench', learner_name: 'Learner, Bench', credit: 'credit', mode: 'normal', entry: 'resume', location: page, completion_status: 'incomplete', ...suspend };
  }
  return { core: { ...freshCmi().core, entry: 'resume', lesson_location: page, lesson_status: 'incomplete' }, ...suspend };
}

/** The folder the browser benchmarks are served from: packages, the LMS frame, the floor page. */
function benchRoot(lesson) {
  const root = mkdtempSync(join(tmpdir(), 'pr-bench-'));
  cpSync(join(DIST, LESSON_ID), join(root, LESSON_ID), { recursive: true });
  const pages = join(root, 'bench');
  mkdirSync(pages, { recursive: true });
  for (const f of readdirSync(join(ROOT, 'bench', 'pages'))) cpSync(join(ROOT, 'bench', 'pages', f), join(pages, f));
  for (const [version, file] of [
    ['1.2', 'scorm12.min.js'],
    ['2004', 'scorm2004.min.js'],
  ]) {
    cpSync(join(ROOT, 'node_modules', 'scorm-again', 'dist', file), join(pages, file));
    writeFileSync(
      join(pages, `lms-${version}.html`),
      `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Benchmark LMS frame (SCORM ${version})</title>\n` +
        `<script src="${file}"></script>\n<script src="lms.js"></script>\n</head>\n<body>\n` +
        `<iframe id="sco" title="Package under test" width="1240" height="860"></iframe>\n</body>\n</html>\n`,
    );
  }
  const first = lesson.segments[0];
  writeFileSync(
    join(pages, 'floor.html'),
    `<!doctype html>\n<html lang="${escapeHtml(lesson.language ?? 'en')}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(first.title)}</title>\n` +
      `<link rel="stylesheet" href="../${LESSON_ID}/base.css">\n</head>\n<body>\n<main>\n<h2>${escapeHtml(first.title)}</h2>\n` +
      `${first.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}\n</main>\n<script src="floor.js"></script>\n</body>\n</html>\n`,
  );
  return root;
}

async function timeToFirstSegment(browser, origin, lesson, probe, notes) {
  const first = lesson.segments[0].id;
  let suspend = null;
  if (probe?.stateAt) suspend = probe.stateAt(lesson, first);
  else notes.push('first segment: the core did not compile, so only lesson_location presets the first segment');
  const measure = async (kind) => {
    const src = kind === 'app' ? `/${LESSON_ID}/index.html` : '/bench/floor.html';
    const opened = await openInLmsFrame(browser, { origin, src, cmi: resumeCmi(first, suspend), cpuThrottling: CPU_THROTTLING });
    try {
      await opened.page.waitForFunction(() => window.__bench && window.__bench.firstSegment, null, { timeout: 30_000, polling: 100 });
      const b = await opened.page.evaluate(() => ({ fs: window.__bench.firstSegment, init: window.__bench.initializedAt }));
      if (kind === 'app' && b.init === null) throw new Error('the app marked its first segment but never initialized the LMS session');
      const shown = kind === 'app' ? await opened.page.frames()[1]?.locator('[data-testid="main"]').first().getAttribute('data-page', { timeout: 5000 }) : first;
      if (shown !== first) throw new Error(`the app opened on "${shown}", not on the first segment "${first}"`);
      const total = Math.max(b.fs.paintedAt, kind === 'app' ? b.init : 0) - b.fs.timeOrigin;
      // Not part of the ratio, shown beside it: when the reader (contents, questions) has rendered
      // the page. The text may paint before that (src/app/first-text.ts).
      let readerReady = null;
      if (kind === 'app') {
        const frame = opened.page.frames()[1];
        await frame.waitForFunction(() => performance.getEntriesByName('pr:reader-ready').length > 0, null, { timeout: 30_000, polling: 50 });
        readerReady = await frame.evaluate(() => performance.getEntriesByName('pr:reader-ready')[0].startTime);
      }
      (kind === 'app' ? appParts : floorParts).push({ domContentLoaded: b.fs.domContentLoaded, mark: b.fs.markAt - b.fs.timeOrigin, lmsInitialized: kind === 'app' ? b.init - b.fs.timeOrigin : null, readerReady, total });
      return total;
    } catch (e) {
      if (/Timeout|timeout/.test(String(e.message))) {
        throw new Error(kind === 'app' ? 'the app set no performance mark "pr:first-segment" within 30 s' : 'the static page did not paint within 30 s');
      }
      throw e;
    } finally {
      await opened.context.close();
    }
  };
  const app = [];
  const floor = [];
  const appParts = [];
  const floorParts = [];
  const failed = { app: null, static: null };
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so that neither page always runs on a warmer machine.
    const order = i % 2 ? ['static', 'app'] : ['app', 'static'];
    for (const kind of order) {
      if (failed[kind]) continue;
      try {
        (kind === 'app' ? app : floor).push(await measure(kind));
      } catch (e) {
        failed[kind] = e.message;
      }
    }
  }
  const appMedian = failed.app ? na(failed.app) : median(app);
  const staticMedian = failed.static ? na(failed.static) : median(floor);
  const ratio = isNa(appMedian) ? appMedian : isNa(staticMedian) ? staticMedian : appMedian / staticMedian;
  const partMedian = (parts, key) => (parts.length && parts.every((p) => typeof p[key] === 'number') ? Math.round(median(parts.map((p) => p[key]))) : null);
  const breakdown = (parts) => ({
    domContentLoadedMs: partMedian(parts, 'domContentLoaded'),
    lmsInitializedMs: partMedian(parts, 'lmsInitialized'),
    markMs: partMedian(parts, 'mark'),
    // From the mark to the frame painted: style, layout and paint of the first page.
    paintAfterMarkMs: parts.length ? Math.round(median(parts.map((p) => p.total - p.mark))) : null,
    readerReadyMs: partMedian(parts, 'readerReady'),
  });
  return { appBreakdown: breakdown(appParts), staticBreakdown: breakdown(floorParts), runs: RUNS, cpuThrottling: CPU_THROTTLING, launchedAt: `${first} (resumed there: the first page a new student sees is the introduction)`, appMs: app, staticMs: floor, appMedianMs: appMedian, staticMedianMs: staticMedian, ratio };
}

/**
 * What a browser transfers on an LMS launch: every file of the package the page asks for, from
 * navigation until the first page is shown and the network has been quiet for a second (so code
 * and content loaded right after the first paint count too). Each file counted once, at its size
 * on disk and gzipped as a web server would send it. Two launches: a new student (the
 * introduction) and a student resumed at the first segment (its questions' code and content
 * come too); the budget holds the larger.
 */
async function launchTransfer(browser, origin, lesson, probe) {
  const first = lesson.segments[0].id;
  const suspend = probe?.stateAt ? probe.stateAt(lesson, first) : null;
  const pkgPrefix = `${origin}/${LESSON_ID}/`;
  const one = async (cmi) => {
    const opened = await openInLmsFrame(browser, { origin, src: `/${LESSON_ID}/index.html`, cmi });
    try {
      await opened.page.waitForFunction(() => window.__bench && window.__bench.firstSegment, null, { timeout: 30_000, polling: 100 });
      const quietSince = () => Math.max(...opened.requests.map((r) => r.at));
      const deadline = Date.now() + 10_000;
      while (Date.now() - quietSince() < 1000 && Date.now() < deadline) await opened.page.waitForTimeout(100);
      const names = [...new Set(opened.requests.map((r) => r.url.split(/[?#]/)[0]).filter((u) => u.startsWith(pkgPrefix)).map((u) => u.slice(pkgPrefix.length)))].sort();
      const files = {};
      let raw = 0;
      let gzip = 0;
      for (const name of names) {
        const buf = readFileSync(join(DIST, LESSON_ID, name));
        files[name] = { raw: buf.length, gzip: gz(buf) };
        raw += buf.length;
        gzip += files[name].gzip;
      }
      return { files, raw, gzip };
    } finally {
      await opened.context.close();
    }
  };
  const newStudent = await one(freshCmi());
  const resumed = await one(resumeCmi(first, suspend));
  const larger = resumed.gzip >= newStudent.gzip ? resumed : newStudent;
  return { newStudent, resumed, raw: larger.raw, gzip: larger.gzip };
}

async function traffic(browser, origin, lesson, probe) {
  if (!probe?.correctResponse) throw new Error('the core did not compile (bench/probe.ts)');
  const pages = probe.pageOrder(lesson);
  const session = await fullSession({
    browser,
    origin,
    pkgPath: `/${LESSON_ID}/`,
    lesson,
    pages,
    responseFor: (q) => probe.correctResponse(lesson, q),
    commitDelayMs: SLOW_COMMIT_MS,
    log,
  });
  const figures = trafficFigures(session, '1.2');
  const suspend = session.cmi?.cmi?.suspend_data ?? '';
  return { figures, suspendDataLength: suspend.length, problems: session.problems, offHost: session.offHost };
}

async function scale(browser, origin, root, probe, notes) {
  const work = mkdtempSync(join(tmpdir(), 'pr-bench-scale-'));
  try {
    const written = writeSyntheticLesson({ root: ROOT, lessonsDir: join(work, 'lessons') });
    const out = join(work, 'dist');
    const result = { segments: written.segments, questions: written.questions };
    log(`bench: building the synthetic lesson (${written.segments} segments, ${written.questions} questions)…`);
    // SCORM 2004 alone: a 1000-question state cannot fit 1.2's 4096 characters (the build rightly
    // refuses the 1.2 package), while 2004 keeps 64000.
    const build = await run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--lessons-dir', join(work, 'lessons'), '--out', out, '--no-preview', '--scorm', '2004'], 5 * 60_000);
    const built = build.code === 0 && existsSync(join(out, SYNTHETIC_ID, 'lesson.js'));
    result.buildMs = built ? build.ms : na(`npm run build refuses it after ${(build.ms / 1000).toFixed(1)} s: ${firstProblem(build.output)}`);
    log('bench: building the real lesson alone, for comparison…');
    // A copy, so that the build does not treat it as the repository's default lesson (whose
    // manifest it mirrors at the repository root).
    cpSync(join(ROOT, 'lessons', LESSON_ID), join(work, 'baseline-lessons', LESSON_ID), { recursive: true });
    const baseline = await run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--lessons-dir', join(work, 'baseline-lessons'), '--out', join(work, 'baseline'), '--no-preview'], 5 * 60_000);
    result.baselineBuildMs = baseline.code === 0 ? baseline.ms : na(`the real lesson's build failed: ${firstProblem(baseline.output)}`);
    const inner = /in (\d+(?:\.\d+)?) s( \([^)]*\))?/.exec(baseline.output);
    if (inner) notes.push(`build: of the real lesson's ${(baseline.ms / 1000).toFixed(1)} s, ${inner[1]} s are the build proper${inner[2] ?? ''} and the rest compiling the packager itself`);

    // The packager's own steps in-process, timed, without the state-size refusal (see bench/scale-probe.ts).
    const scaleProbe = await importTypeScript(ROOT, 'bench/scale-probe.ts');
    const appFiles = readdirSync(join(DIST, LESSON_ID)).filter((f) => /^app(-[\w-]+)?\.js$/.test(f));
    const app = Object.fromEntries(appFiles.map((f) => [f, readFileSync(join(DIST, LESSON_ID, f), 'utf8')]));
    const scripts = { app, localLms: readFileSync(join(DIST, LESSON_ID, 'local-lms.js'), 'utf8') };
    const inProcess = scaleProbe.packageWithoutStateLimit(join(work, 'lessons', SYNTHETIC_ID), ROOT, scripts, join(work, 'in-process'));
    result.lessonWorkMs = Object.values(inProcess.ms).reduce((a, b) => a + b, 0);
    result.lessonWorkSteps = Object.fromEntries(Object.entries(inProcess.ms).map(([k, v]) => [k, Math.round(v)]));
    // A finished student's state does not fit SCORM 1.2 (the runtime rightly drops suspend data over
    // 4096 characters), so the walk runs the 2004 package, made by the packager's own steps.
    const pkgDir = join(work, 'in-process', `${SYNTHETIC_ID}-scorm2004`);
    notes.push(`scale: the browser measurements run the SCORM 2004 package made in-process by the packager's own steps (bench/scale-probe.ts): ${built ? 'a finished state does not fit 1.2' : 'the build refuses the lesson'}`);

    const lesson = await readLesson(pkgDir);
    const completed = probe?.completedState ? probe.encodeState(lesson, probe.completedState(lesson)) : null;
    result.suspendAtCompletion = completed === null ? na('the core did not compile (bench/probe.ts)') : completed.length;
    result.worstCase12 = probe?.worstCaseLength ? probe.worstCaseLength(lesson) : na('core/codec has no worstCaseLength');
    cpSync(pkgDir, join(root, `${SYNTHETIC_ID}-scorm2004`), { recursive: true });
    if (!probe?.pageOrder || completed === null) {
      const why = 'the core did not compile (bench/probe.ts)';
      return { ...result, switchMedianMs: na(why), switchP95Ms: na(why), heapUsedBytes: na(why) };
    }
    // Everything answered, resumed on the first segment: then every page in turn.
    const pages = probe.pageOrder(lesson);
    const first = lesson.segments[0].id;
    const state = probe.completedState(lesson);
    state.location = first;
    const walk = await segmentWalk({
      browser,
      origin,
      pkgPath: `/${SYNTHETIC_ID}-scorm2004/`,
      pages,
      version: '2004',
      cmi: resumeCmi(first, probe.encodeState(lesson, state), '2004'),
      expectAllAnswered: true,
      log,
    });
    notes.push(`scale: ${walk.segmentSwitches} segment switches timed in the page from the Next click to the new page rendered (every Lit update settled) and laid out, no CPU throttling; the heap is measured after a full GC with every answer restored and every page visited, and includes the LMS frame's scorm-again`);
    if (walk.problems.length) notes.push(`scale: the page reported ${walk.problems.slice(0, 3).join(' | ')}`);
    if (walk.stillRendering) notes.push(`scale: after ${walk.stillRendering} of ${walk.switches} switches some element was still to update when the clock stopped`);
    return { ...result, switchMedianMs: walk.medianMs, switchP95Ms: walk.p95Ms, switchMaxMs: walk.maxMs, switchUntilShownMedianMs: walk.untilShownMedianMs, heapUsedBytes: walk.heapUsedBytes, suspendAfterWalk: walk.suspendDataLength, offHost: walk.offHost };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const notes = [];
  const results = { generatedAt: new Date().toISOString(), environment: { node: process.version, cpus: cpus().length, chromium: null, runs: RUNS, loadAverageAtStart: loadavg().map((x) => Math.round(x * 10) / 10) } };

  const distProblem = await ensureDist();
  if (!distProblem) {
    results.environment.distBuiltAt = statSync(join(DIST, LESSON_ID, 'app.js')).mtime.toISOString();
    notes.push(`measured dist/ as built at ${results.environment.distBuiltAt} (run npm run build first for numbers of the current sources)`);
  }
  let lesson = null;
  if (!distProblem) {
    try {
      lesson = await readLesson(join(DIST, LESSON_ID));
    } catch (e) {
      notes.push(`lesson.js: ${e.message}`);
    }
  }
  const noLesson = distProblem ?? 'dist/heroes-1988/lesson.js could not be read';

  let probe = null;
  try {
    probe = await within(120_000, 'compiling bench/probe.ts', () => importTypeScript(ROOT, 'bench/probe.ts'));
  } catch (e) {
    notes.push(`core: bench/probe.ts did not compile (${e.message.split('\n')[0]})`);
  }

  results.size = lesson ? sizes(distProblem, lesson) : na(noLesson);
  results.state = {
    worstCase12: !lesson ? na(noLesson) : probe?.worstCaseLength ? probe.worstCaseLength(lesson) : na('core/codec worstCaseLength unavailable'),
    limit12: 4096,
  };

  let browser = null;
  let server = null;
  let root = null;
  const offHost = [];
  try {
    browser = await within(90_000, 'launching Chromium', launchChromium);
    results.environment.chromium = browser.version();
  } catch (e) {
    notes.push(`Chromium: ${e.message}`);
  }
  const noBrowser = 'Chromium did not start';
  if (lesson && browser) {
    root = benchRoot(lesson);
    server = createPreviewServer({ root });
    const port = await listen(server, 0, '127.0.0.1');
    const origin = `http://127.0.0.1:${port}`;

    if (wanted('first')) {
      log('bench: what an LMS launch transfers (a new student, and one resumed at segment 1)…');
      try {
        results.size.launch = await within(2 * 60_000, 'the launch transfers', () => launchTransfer(browser, origin, lesson, probe));
      } catch (e) {
        results.size.launch = na(e.message.split('\n')[0]);
      }
      log(`bench: time to first segment, ${RUNS} runs each at ${CPU_THROTTLING}x CPU throttling…`);
      try {
        results.firstSegment = await within(10 * 60_000, 'the first-segment runs', () => timeToFirstSegment(browser, origin, lesson, probe, notes));
      } catch (e) {
        results.firstSegment = na(e.message);
      }
    } else results.firstSegment = SKIPPED;

    if (!wanted('traffic')) {
      results.traffic = SKIPPED;
      results.state.afterSession = SKIPPED;
    } else try {
      log(`bench: scripted full session, each commit held ${SLOW_COMMIT_MS} ms…`);
      const t = await within(8 * 60_000, 'the full session', () => traffic(browser, origin, lesson, probe));
      results.traffic = t.figures;
      results.state.afterSession = t.suspendDataLength;
      offHost.push(...t.offHost);
      if (t.problems.length) notes.push(`session: the page reported ${t.problems.slice(0, 3).join(' | ')}`);
    } catch (e) {
      results.traffic = na(e.message.split('\n')[0]);
      results.state.afterSession = na('the full session did not run');
    }

    if (wanted('scale') && probe?.completedState) {
      log('bench: segment switches in the real lesson…');
      try {
        const first = lesson.segments[0].id;
        const state = probe.completedState(lesson);
        state.location = first;
        const walk = await within(3 * 60_000, 'the real lesson walk', () =>
          segmentWalk({ browser, origin, pkgPath: `/${LESSON_ID}/`, pages: probe.pageOrder(lesson), cmi: resumeCmi(first, probe.encodeState(lesson, state)), expectAllAnswered: true }),
        );
        results.realSwitch = { medianMs: walk.medianMs, p95Ms: walk.p95Ms, maxMs: walk.maxMs, untilShownMedianMs: walk.untilShownMedianMs, switches: walk.segmentSwitches, stillRendering: walk.stillRendering };
      } catch (e) {
        results.realSwitch = na(e.message.split('\n')[0]);
      }
    }
    if (!wanted('scale')) results.scale = SKIPPED;
    else try {
      results.scale = await within(12 * 60_000, 'the scale benchmark', () => scale(browser, origin, root, probe, notes));
      offHost.push(...(results.scale.offHost ?? []));
      delete results.scale.offHost;
    } catch (e) {
      results.scale = na(e.message.split('\n')[0]);
    }
  } else {
    const why = !lesson ? noLesson : noBrowser;
    results.firstSegment = na(why);
    results.traffic = na(why);
    results.state.afterSession = na(why);
    results.scale = na(why);
  }
  if (offHost.length) notes.push(`requests to hosts other than 127.0.0.1 were made (and failed): ${[...new Set(offHost)].slice(0, 5).join(', ')}`);

  await browser?.close().catch(() => {});
  if (server) await new Promise((r) => server.close(r));
  if (root) rmSync(root, { recursive: true, force: true });

  const budgets = JSON.parse(readFileSync(join(ROOT, 'bench', 'budgets.json'), 'utf8')).budgets;
  const checked = checkBudgets(results, budgets);
  const budgetOf = new Map(checked.map((c) => [c.metric, c]));
  const row = (label, path, unit) => {
    const value = metric(results, path);
    const b = typeof path === 'string' ? budgetOf.get(path) : undefined;
    return [label, format(value, unit, { width: 70 }), b ? `≤ ${format(b.max, b.unit)}` : '', b ? (b.ok ? 'ok' : isNa(value) ? 'NOT MEASURED' : 'OVER') : ''];
  };
  const launchFileRows = (which) => {
    const files = results.size?.launch?.[which]?.files;
    return files ? Object.keys(files).map((f) => row(`      ${f}, gzipped`, ['size', 'launch', which, 'files', f, 'gzip'], 'bytes')) : [];
  };
  const rows = [
    ['1. Size', '', '', ''],
    row('  SCORM 1.2 zip', 'size.zips.scorm12', 'bytes'),
    row('  SCORM 2004 zip', 'size.zips.scorm2004', 'bytes'),
    row('  LMS launch, gzipped (the larger of the two below)', 'size.launch.gzip', 'bytes'),
    row('    new student (introduction), gzipped', 'size.launch.newStudent.gzip', 'bytes'),
    ...launchFileRows('newStudent'),
    row('    resumed at segment 1, gzipped', 'size.launch.resumed.gzip', 'bytes'),
    ...launchFileRows('resumed'),
    row('  local-lms.js (no-LMS runs only), gzipped', 'size.localLms.gzip', 'bytes'),
    row('  floor: the lesson text alone, gzipped', 'size.floor.gzip', 'bytes'),
    row('  the lesson\'s words: every distinct text in it, once, gzipped', 'size.words.gzip', 'bytes'),
    row('  floor for the 1.2 zip with no app code (words + the files below)', 'size.zip12Floor.bytes', 'bytes'),
    row('    local-lms.js in the zip', 'size.zip12Floor.localLms', 'bytes'),
    row('    manifest, schemas, index.html, base.css in the zip', 'size.zip12Floor.other', 'bytes'),
    ['2. Time to first segment (4x CPU, resumed at segment 1)', '', '', ''],
    row('  app in LMS frame, median', 'firstSegment.appMedianMs', 'ms'),
    row('    DOMContentLoaded (deferred scripts run)', 'firstSegment.appBreakdown.domContentLoadedMs', 'ms'),
    row('    LMS session initialized', 'firstSegment.appBreakdown.lmsInitializedMs', 'ms'),
    row('    the page\'s text in the document (the app\'s mark)', 'firstSegment.appBreakdown.markMs', 'ms'),
    row('    then style, layout and paint until the frame shows', 'firstSegment.appBreakdown.paintAfterMarkMs', 'ms'),
    row('    reader rendered the page (contents, questions; not in the ratio)', 'firstSegment.appBreakdown.readerReadyMs', 'ms'),
    row('  static page, same text, median', 'firstSegment.staticMedianMs', 'ms'),
    row('  ratio app / static', 'firstSegment.ratio', '×'),
    ['3. LMS traffic, full session (1.2, scorm-again)', '', '', ''],
    row('  SetValue calls', 'traffic.setValue', ''),
    row('  GetValue calls', 'traffic.getValue', ''),
    row('  Commit calls', 'traffic.commit', ''),
    row('  checked answers', 'traffic.checks', ''),
    row('  commits per checked answer (most)', 'traffic.commitsPerCheck', 'commits'),
    row('  commits per checked answer (mean)', 'traffic.meanCommitsPerCheck', 'commits'),
    row('  commits while typing reflections (keystrokes + 2 s pause)', 'traffic.commitsWhileTyping', 'commits'),
    row('    of which during keystrokes', 'traffic.commitsDuringKeystrokes', 'commits'),
    row(`  longest main-thread block with a commit (${SLOW_COMMIT_MS} ms LMS)`, 'traffic.longestCommitBlockMs', 'ms'),
    ['4. State size', '', '', ''],
    row('  suspend data after the full session', 'state.afterSession', 'characters'),
    row('  worst-case SCORM 1.2 suspend data (limit 4096)', 'state.worstCase12', 'characters'),
    ['5. Scale (synthetic lesson: 200 segments, 1000 questions) and page switches', '', '', ''],
    row('  build (node scripts/build.mjs --scorm 2004, wall time)', 'scale.buildMs', 'ms'),
    row('  build of the real lesson alone, for comparison', 'scale.baselineBuildMs', 'ms'),
    row('  segment switch in the real lesson, median', 'realSwitch.medianMs', 'ms'),
    row('  segment switch in the real lesson, p95', 'realSwitch.p95Ms', 'ms'),
    row('    of which until the new page is shown (its content loaded), median', 'realSwitch.untilShownMedianMs', 'ms'),
    row('  segment switch, median', 'scale.switchMedianMs', 'ms'),
    row('  segment switch, p95', 'scale.switchP95Ms', 'ms'),
    row('    of which until the new page is shown (its content loaded), median', 'scale.switchUntilShownMedianMs', 'ms'),
    row('  suspend data at full completion', 'scale.suspendAtCompletion', 'characters'),
    row('  worst-case suspend data (synthetic)', 'scale.worstCase12', 'characters'),
    row('  JS heap after the session (page + LMS frame)', 'scale.heapUsedBytes', 'MB'),
  ];
  results.environment.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 10) / 10);
  // Timings mean little on a busy machine: say so next to them.
  const busiest = Math.max(results.environment.loadAverageAtStart[0], results.environment.loadAverageAtEnd[0]);
  if (busiest > cpus().length) notes.push(`the machine was busy (load average up to ${busiest} on ${cpus().length} CPUs): timings are inflated and noisy; ratios (app ÷ static, interleaved runs) suffer least`);
  results.notes = notes;
  results.budgets = checked.map(({ id, metric: m, max, unit, value, ok }) => ({ id, metric: m, max, unit, value, ok }));
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(table(rows, ['Measure', 'Value', 'Budget', '']));
  if (notes.length) console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);
  console.log(`\nWrote bench/results.json (${((Date.now() - startedAt) / 1000).toFixed(0)} s).`);
  const failed = checked.filter((c) => !c.ok);
  if (failed.length) {
    console.log(`\n${failed.length} of ${checked.length} budgets missed:\n${failed.map((f) => `- ${f.message}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\nAll ${checked.length} budgets met.`);
  process.exit(0);
}

main().catch((e) => {
  log(`bench: ${e.stack ?? e.message}`);
  process.exit(2);
});
