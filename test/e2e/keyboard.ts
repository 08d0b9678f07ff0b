/**
 * Driving the lesson with the keyboard alone: Tab and Shift+Tab to move, Space and Enter to act,
 * arrow keys inside radio groups, selects and the highlight word grid, typing into text areas.
 * Nothing here clicks or sets a value: every change is a key press Chromium delivers as trusted
 * input, and every step asserts where focus went.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Question } from '../../src/model/lesson.js';
import type { Response } from '../../src/core/types.js';
import { focused, show, TIMEOUT, type Focused } from './browser.js';
import { markedWords } from './lesson.js';

/** Tab stops on the longest page are well under this; more means focus is going round in circles. */
const MAX_TABS = 250;

/**
 * Press Tab (or Shift+Tab) until the focused element satisfies `until`. Fails, listing where focus
 * went, when it does not get there within `max` presses.
 */
export async function tabTo(page: Page, until: (f: Focused) => boolean, what: string, { backward = false, max = MAX_TABS } = {}): Promise<Focused> {
  const trail: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    trail.push(show(f));
    if (f && until(f)) return f;
  }
  throw new Error(`${backward ? 'Shift+Tab' : 'Tab'} did not reach ${what} in ${max} presses; the last stops: ${trail.slice(-12).join(' → ')}`);
}

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Focus is on `until` now (waiting for an update that moves it). */
export async function expectFocus(page: Page, until: (f: Focused) => boolean, what: string): Promise<Focused> {
  let last: Focused | null = null;
  await expect
    .poll(
      async () => {
        last = await focused(page);
        return last !== null && until(last);
      },
      { timeout: TIMEOUT.action, message: `focus should be on ${what}` },
    )
    .toBe(true);
  return last!;
}

const inQuestion = (q: Question) => (f: Focused) => f.question === q.id;

/** Single choice: Tab into the radio group, then arrow keys to the answer (Space when the group
 * has no selection and the first radio is the answer). */
export async function chooseSingle(page: Page, q: Question, choice: string, { backward = false } = {}): Promise<void> {
  if (q.type !== 'single') throw new Error(`${q.id} is not single choice`);
  const ids = q.options.map((o) => o.id);
  let f = await tabTo(page, (x) => inQuestion(q)(x) && x.type === 'radio', `the options of ${q.id}`, { backward });
  const from = ids.indexOf(f.value!);
  const to = ids.indexOf(choice);
  if (from === to) {
    if (!f.checked) await page.keyboard.press('Space');
  } else {
    await press(page, to > from ? 'ArrowDown' : 'ArrowUp', Math.abs(to - from));
  }
  f = await expectFocus(page, (x) => inQuestion(q)(x) && x.value === choice && x.checked, `option ${choice} of ${q.id}, checked`);
}

/** Select all that apply: Tab from checkbox to checkbox, Space on those that should change. */
export async function chooseMultiple(page: Page, q: Question, choices: string[]): Promise<void> {
  if (q.type !== 'multiple') throw new Error(`${q.id} is not select-all`);
  for (const o of q.options) {
    const f = await tabTo(page, (x) => inQuestion(q)(x) && x.type === 'checkbox' && x.value === o.id, `option ${o.id} of ${q.id}`);
    if (f.checked !== choices.includes(o.id)) await page.keyboard.press('Space');
    await expectFocus(page, (x) => x.value === o.id && x.checked === choices.includes(o.id), `option ${o.id} of ${q.id} ${choices.includes(o.id) ? '' : 'un'}ticked`);
  }
}

/** Match: Tab to each quotation's select, arrow keys to the device (a closed select changes its
 * value with the arrows, as on Windows and Linux). */
export async function chooseMatch(page: Page, q: Question, pairs: Record<string, string>): Promise<void> {
  if (q.type !== 'match') throw new Error(`${q.id} is not match`);
  const values = ['', ...q.choices];
  for (const p of q.pairs) {
    const f = await tabTo(page, (x) => inQuestion(q)(x) && x.testid === `select-${p.id}`, `the select of quotation ${p.id} in ${q.id}`);
    const from = values.indexOf(f.value ?? '');
    const to = values.indexOf(pairs[p.id]!);
    await press(page, to > from ? 'ArrowDown' : 'ArrowUp', Math.abs(to - from));
    await expectFocus(page, (x) => x.testid === `select-${p.id}` && x.value === pairs[p.id], `quotation ${p.id} of ${q.id} matched to ${pairs[p.id]}`);
  }
}

/** Runs of consecutive indices: [3,4,5,9] → [[3,5],[9,9]]. */
function runs(indices: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/**
 * Highlight: Tab into the word grid (one tab stop), then move with Home/End and the arrows, mark
 * the first word of each stretch with Space and the rest with Shift+ArrowRight.
 */
export async function markWords(page: Page, q: Question, words: number[], total: number): Promise<void> {
  if (q.type !== 'highlight') throw new Error(`${q.id} is not highlight`);
  let f = await tabTo(page, (x) => inQuestion(q)(x) && x.role === 'option', `the word grid of ${q.id}`);
  let at = f.index!;
  // Unmark anything marked before (a second try), word by word.
  for (const i of await markedWords(page, q.id)) {
    at = await moveTo(page, at, i, total);
    await page.keyboard.press('Space');
  }
  for (const [start, end] of runs(words)) {
    at = await moveTo(page, at, start, total);
    await page.keyboard.press('Space');
    for (let i = start; i < end; i++) await page.keyboard.press('Shift+ArrowRight');
    at = end;
  }
  f = await expectFocus(page, (x) => inQuestion(q)(x) && x.index === at, `word ${at} of ${q.id}`);
  expect(await markedWords(page, q.id), `marked words of ${q.id}`).toEqual([...words].sort((a, b) => a - b));
}

/** Move the grid's focus from word `from` to word `to` the short way (arrows, or Home/End first). */
async function moveTo(page: Page, from: number, to: number, total: number): Promise<number> {
  const direct = Math.abs(to - from);
  const viaHome = to + 1;
  const viaEnd = total - 1 - to + 1;
  if (viaHome < direct && viaHome <= viaEnd) {
    await page.keyboard.press('Home');
    await press(page, 'ArrowRight', to);
  } else if (viaEnd < direct) {
    await page.keyboard.press('End');
    await press(page, 'ArrowLeft', total - 1 - to);
  } else {
    await press(page, to > from ? 'ArrowRight' : 'ArrowLeft', direct);
  }
  return to;
}

/** Reflection: Tab to the text area and type. */
export async function writeReflection(page: Page, q: Question, text: string): Promise<void> {
  await tabTo(page, (x) => inQuestion(q)(x) && x.testid === 'reflection-text', `the text area of ${q.id}`);
  await page.keyboard.type(text);
  await expectFocus(page, (x) => x.testid === 'reflection-text' && x.value === text, `the text area of ${q.id} holding the typed text`);
}

/** Put a response into a question's controls, by keyboard. */
export async function enter(page: Page, q: Question, r: Response, total: number): Promise<void> {
  switch (r.type) {
    case 'single':
      return chooseSingle(page, q, r.choice);
    case 'multiple':
      return chooseMultiple(page, q, r.choices);
    case 'match':
      return chooseMatch(page, q, r.pairs);
    case 'highlight':
      return markWords(page, q, r.words, total);
    case 'reflection':
      return writeReflection(page, q, r.text);
  }
}

/** Tab to the question's Check (Submit) button and press it with `key`. */
export async function pressCheck(page: Page, q: Question, key: 'Enter' | 'Space', { backward = false } = {}): Promise<void> {
  await tabTo(page, (x) => inQuestion(q)(x) && x.testid === 'check' && !x.disabled, `the Check button of ${q.id}`, { backward });
  await page.keyboard.press(key);
}
