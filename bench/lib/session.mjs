/**
 * Scripted sessions in Chromium, through the app's own controls (the data-testid hooks of
 * src/components): a full session of a lesson (every page, every question checked, reflections
 * typed key by key), and a walk through every segment timing each page switch.
 */
import { median, openInLmsFrame, packageFrame, percentile } from './browser.mjs';

/** Pause after typing a reflection before checking it, ms. */
export const TYPING_PAUSE_MS = 2000;

const browserNow = (page) => page.evaluate(() => performance.timeOrigin + performance.now());

/** The page the reader shows (its <main data-page>). */
async function currentPage(frame) {
  return frame.locator('[data-testid="main"]').first().getAttribute('data-page', { timeout: 10_000 });
}

async function goNext(frame, expected) {
  await frame.locator('[data-testid="pager"] [data-testid="next"]').first().click({ timeout: 10_000 });
  await frame.locator(`[data-testid="main"][data-page="${expected}"]`).first().waitFor({ timeout: 10_000 });
}

/** A wrong response of the same type, when one exists (so that some checks are retries). */
function wrongResponse(q) {
  if (q.type === 'single') {
    const wrong = q.options.find((o) => !o.correct);
    return wrong ? { type: 'single', choice: wrong.id } : null;
  }
  return null;
}

async function fill(frame, host, q, response, typing) {
  switch (response.type) {
    case 'single':
      await host.locator(`[data-testid="option-${response.choice}"] input`).check({ timeout: 10_000 });
      break;
    case 'multiple':
      for (const o of q.options) await host.locator(`[data-testid="option-${o.id}"] input`).setChecked(response.choices.includes(o.id), { timeout: 10_000 });
      break;
    case 'match':
      for (const [pair, device] of Object.entries(response.pairs)) await host.locator(`[data-testid="select-${pair}"]`).selectOption(device, { timeout: 10_000 });
      break;
    case 'highlight': {
      const clear = host.locator('[data-testid="clear"]');
      if (await clear.count()) await clear.click();
      for (const index of response.words) await host.locator(`[data-testid="word-${index}"]`).click({ timeout: 10_000 });
      break;
    }
    case 'reflection': {
      const box = host.locator('[data-testid="reflection-text"]');
      await box.click({ timeout: 10_000 });
      const page = frame.page();
      const t0 = await browserNow(page);
      // Key by key, at a brisk typist's pace, so a per-keystroke or debounced commit would show.
      await page.keyboard.type(response.text, { delay: 12 });
      const t1 = await browserNow(page);
      // A pause before checking, longer than any draft debounce: a commit a draft sets off lands
      // here, not in the check's window.
      await page.waitForTimeout(TYPING_PAUSE_MS);
      typing.push({ t0, t1, paused: await browserNow(page), chars: response.text.length, question: q.id });
      break;
    }
  }
}

/**
 * Answers every question and visits every page of `lesson`, starting from a fresh attempt, with
 * the LMS holding each commit for `commitDelayMs`. Returns the LMS calls with their times, the
 * windows of each check and of each typed reflection, and the long tasks.
 */
export async function fullSession({ browser, origin, pkgPath, lesson, pages, responseFor, commitDelayMs, log }) {
  const opened = await openInLmsFrame(browser, { origin, src: `${pkgPath}index.html`, commitDelayMs });
  const { page, context } = opened;
  try {
    const frame = await packageFrame(page, pkgPath);
    await frame.locator('[data-testid="main"]').first().waitFor({ timeout: 30_000 });
    const checks = [];
    const typing = [];
    let retryPlan = 0;
    const first = await currentPage(frame);
    let index = pages.indexOf(first);
    if (index < 0) throw new Error(`the app opened on "${first}", which is not a page of the lesson`);
    for (; index < pages.length; index++) {
      const pageId = pages[index];
      for (const q of lesson.questions.filter((x) => x.page === pageId)) {
        const host = frame.locator(`#q-${q.id}`);
        await host.waitFor({ timeout: 10_000 });
        const wrong = retryPlan++ % 3 === 0 && q.tries > 1 ? wrongResponse(q) : null;
        const plan = wrong ? [wrong, responseFor(q)] : [responseFor(q)];
        for (const response of plan) {
          if (await host.locator('[data-testid="finished"]').count()) break;
          await fill(frame, host, q, response, typing);
          const t0 = await browserNow(page);
          await host.locator('[data-testid="check"]').click({ timeout: 10_000 });
          await host.locator('[data-testid="result"]').waitFor({ timeout: 10_000 });
          // Anything the check sets off (a save, a commit) has this long to happen.
          await page.waitForTimeout(300);
          checks.push({ t0, t1: await browserNow(page), question: q.id });
        }
      }
      if (index < pages.length - 1) await goNext(frame, pages[index + 1]);
      log?.(`  session: ${pageId} done`);
    }
    // Leaving the package the way a learner closes it: the frame navigates away (pagehide).
    await page.evaluate(() => {
      document.getElementById('sco').src = 'about:blank';
    });
    await page.waitForTimeout(1000);
    const bench = await page.evaluate(() => ({ calls: window.__bench.calls, longTasks: window.__bench.longTasks, cmi: window.__bench.cmi(), errors: window.__bench.errors }));
    return { ...bench, checks, typing, offHost: opened.offHost, problems: opened.problems };
  } finally {
    await context.close();
  }
}

/** The calls in a time window, condensed: "LMSSetValue cmi.suspend_data" and the like, counted. */
function callsIn(calls, t0, t1) {
  const counts = new Map();
  const recorded = [];
  for (const c of calls) {
    if (c.t0 < t0 || c.t0 > t1) continue;
    const key = c.el ? `${c.m} ${c.el.replace(/\.\d+\./g, '.n.')}` : c.m;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (c.el && /^cmi\.interactions\.\d+\.id$/.test(c.el)) recorded.push(c.v);
  }
  return { ...Object.fromEntries(counts), ...(recorded.length ? { interactionsRecorded: recorded } : {}) };
}

/** The page the last location write before `t` named (where the student was). */
function lastLocation(calls, t) {
  const writes = calls.filter((c) => c.t0 <= t && /^cmi\.(core\.lesson_location|location)$/.test(c.el ?? ''));
  return writes.length ? writes[writes.length - 1].v : null;
}

/** Counts and ratios from a full session's LMS calls. */
export function trafficFigures(session, version = '1.2') {
  const is = (names) => (c) => names.includes(c.m);
  const commits = session.calls.filter(is(version === '1.2' ? ['LMSCommit'] : ['Commit']));
  const inWindow = (t0, t1) => commits.filter((c) => c.t0 >= t0 && c.t0 <= t1).length;
  const checkCommits = session.checks.map((w) => inWindow(w.t0, w.t1));
  const typingCommits = session.typing.map((w) => inWindow(w.t0, w.t1));
  const afterTyping = session.typing.map((w) => inWindow(w.t1, w.paused));
  // The longest task that contains a commit: what a learner feels when the LMS is slow.
  const heldIn = (task) => session.calls.filter((c) => /Commit|LMSFinish|Terminate/.test(c.m) && c.t0 >= task.start - 1 && c.t1 <= task.start + task.duration + 1);
  const commitTasks = session.longTasks.filter((task) => heldIn(task).length > 0);
  return {
    setValue: session.calls.filter(is(['LMSSetValue', 'SetValue'])).length,
    getValue: session.calls.filter(is(['LMSGetValue', 'GetValue'])).length,
    commit: commits.length,
    checks: session.checks.length,
    commitsPerCheck: session.checks.length ? Math.max(...checkCommits) : null,
    meanCommitsPerCheck: session.checks.length ? checkCommits.reduce((a, b) => a + b, 0) / checkCommits.length : null,
    reflectionsTyped: session.typing.length,
    charactersTyped: session.typing.reduce((a, w) => a + w.chars, 0),
    // From the first keystroke to the end of the pause before the check: every commit typing set off.
    commitsWhileTyping: session.typing.length ? typingCommits.reduce((a, b) => a + b, 0) + afterTyping.reduce((a, b) => a + b, 0) : null,
    commitsDuringKeystrokes: session.typing.length ? typingCommits.reduce((a, b) => a + b, 0) : null,
    longestCommitBlockMs: commitTasks.length ? Math.max(...commitTasks.map((t) => t.duration)) : null,
    longestTaskMs: session.longTasks.length ? Math.max(...session.longTasks.map((t) => t.duration)) : 0,
    finished: session.calls.some(is(['LMSFinish', 'Terminate'])),
    // Where the numbers come from, for whoever has to fix one.
    detail: {
      checksWithMoreThanOneCommit: session.checks
        .map((w, i) => ({ question: w.question, commits: checkCommits[i], calls: callsIn(session.calls, w.t0, w.t1) }))
        .filter((c) => c.commits > 1),
      longestCommitTasks: [...commitTasks]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((task) => ({ durationMs: Math.round(task.duration), lmsCalls: heldIn(task).map((c) => c.m), calls: callsIn(session.calls, task.start - 1, task.start + task.duration + 1), location: lastLocation(session.calls, task.start + task.duration) })),
      typingWithCommits: session.typing
        .map((w, i) => ({ question: w.question, chars: w.chars, typingMs: Math.round(w.t1 - w.t0), commits: typingCommits[i] + afterTyping[i], calls: callsIn(session.calls, w.t0, w.paused) }))
        .filter((c) => c.commits > 0),
    },
  };
}

/**
 * Opens the package resumed at its first segment with `suspendData`, then moves page by page to
 * the end, timing each switch in the page: from the Next button's click to the new page rendered
 * (every Lit update settled) and laid out. Then the JS heap after a full garbage collection.
 */
export async function segmentWalk({ browser, origin, pkgPath, pages, cmi, version = '1.2', expectAllAnswered = false, log }) {
  const opened = await openInLmsFrame(browser, { origin, src: `${pkgPath}index.html`, cmi, version });
  const { page, context, cdp } = opened;
  try {
    const frame = await packageFrame(page, pkgPath);
    await frame.locator('[data-testid="main"]').first().waitFor({ timeout: 60_000 });
    // The walk is only worth its name with the saved answers really restored.
    const { answered, total } = await frame.evaluate(() => {
      const p = window.PropagandaReaderApp?.progress;
      return { answered: p?.questionsAnswered ?? null, total: p?.questionsTotal ?? null };
    });
    if (expectAllAnswered && (answered === null || answered !== total)) {
      throw new Error(`the app restored ${answered} of ${total} answered questions from the suspend data`);
    }
    const start = pages.indexOf(await currentPage(frame));
    if (start < 0) throw new Error('the app did not open on a page of the lesson');
    const times = [];
    for (let i = start; i < pages.length - 1; i++) {
      const { ms, untilShownMs, pending } = await frame.evaluate(async (expected) => {
        const reader = document.querySelector('pr-reader');
        const root = reader?.shadowRoot;
        const next = root?.querySelector('[data-testid="pager"] [data-testid="next"]');
        if (!next) throw new Error('no Next button in the reader');
        // The click runs the app's handler, the core and the LMS save; Lit then
        // renders the reader, the page and its questions in microtasks. The clock stops when all
        // of them have updated and the new page has been styled and laid out (paint excluded:
        // it depends on the machine's graphics, not on the module).
        // A page not visited yet first loads its content script (src/model/pages.ts): the clock
        // runs until the reader shows it, so that load is part of the switch.
        const shown = () => root.querySelector('[data-testid="main"]')?.getAttribute('data-page');
        const arrived = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (shown() === expected) {
              observer.disconnect();
              resolve(true);
            }
          });
          observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['data-page'] });
          setTimeout(() => {
            observer.disconnect();
            resolve(false);
          }, 10_000);
        });
        const t0 = performance.now();
        next.click();
        if (shown() !== expected) await arrived;
        const tShown = performance.now();
        await reader.updateComplete;
        const pageEl = root.querySelector('[data-testid="page"]');
        if (pageEl?.updateComplete) await pageEl.updateComplete;
        const inner = pageEl?.shadowRoot ? [...pageEl.shadowRoot.querySelectorAll('*')].filter((el) => el.updateComplete) : [];
        await Promise.all(inner.map((el) => el.updateComplete));
        void document.documentElement.offsetHeight;
        const t1 = performance.now();
        if (shown() !== expected) throw new Error(`expected page ${expected}, the reader shows ${shown()} (10 s after Next)`);
        // Not timed: check that nothing was still to render when the clock stopped.
        const pending = [];
        const visit = (n) => {
          for (const el of n.querySelectorAll('*')) {
            if (el.isUpdatePending) pending.push(el.localName);
            if (el.shadowRoot) visit(el.shadowRoot);
          }
        };
        visit(root);
        return { ms: t1 - t0, untilShownMs: tShown - t0, pending: pending.length };
      }, pages[i + 1]);
      times.push({ from: pages[i], to: pages[i + 1], ms, untilShownMs, pending });
      if ((i - start) % 50 === 49) log?.(`  walk: ${i - start + 1} switches`);
    }
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const suspend = await page.evaluate(() => window.__bench.cmi().cmi.suspend_data ?? '');
    const segmentTimes = times.filter((t) => /^s\d/.test(t.to)).map((t) => t.ms);
    return {
      switches: times.length,
      segmentSwitches: segmentTimes.length,
      medianMs: median(segmentTimes),
      p95Ms: percentile(segmentTimes, 95),
      maxMs: segmentTimes.length ? Math.max(...segmentTimes) : null,
      // Of each switch, the part until the reader shows the new page (its content script loaded
      // on a first visit, the app's handler run): the rest is rendering.
      untilShownMedianMs: median(times.filter((t) => /^s\d/.test(t.to)).map((t) => t.untilShownMs)),
      // Switches after which some Lit element was still to update (its time would be short).
      stillRendering: times.filter((t) => t.pending > 0).length,
      heapUsedBytes: heap.usedSize,
      answeredAtStart: answered,
      suspendDataLength: suspend.length,
      offHost: opened.offHost,
      problems: opened.problems,
    };
  } finally {
    await context.close();
  }
}
