// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/components/results/results.js';
import { progress } from '../../src/core/progress.js';
import { saveDraft } from '../../src/core/state.js';
import type { LessonState } from '../../src/core/types.js';
import { deviceSpans, pieces } from '../../src/components/device-map/device-spans.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, fresh, mount, settle, spoken, text } from './helpers.js';

const lesson = fixtureLesson();

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Every scored question finished, both checks done, one reflection submitted and one drafted. */
function finishedState(): LessonState {
  let s = fresh(lesson);
  s = check(lesson, s, 'pre_q1_loaded_language', { type: 'single', choice: 'b' });
  s = check(lesson, s, 's01_q1_occasion', { type: 'single', choice: 'a' });
  s = check(lesson, s, 's02_q1_enemy', { type: 'multiple', choices: ['a', 'b'] });
  s = check(lesson, s, 's02_q2_match', { type: 'match', pairs: { '1': 'name_calling', '2': 'flag_waving' } });
  s = check(lesson, s, 's02_q2_match', { type: 'match', pairs: { '1': 'name_calling', '2': 'flag_waving' } });
  s = check(lesson, s, 's03_q1_slogan', { type: 'highlight', words: [0, 1, 2, 3, 4, 5, 6, 7] });
  s = check(lesson, s, 's03_q2_reflect', { type: 'reflection', text: 'It ends on a call that is easy to repeat.' });
  s = check(lesson, s, 'post_q1_loaded_language', { type: 'single', choice: 'a' });
  s = saveDraft(s, 'syn_q1_whole', 'Half a thought about the whole talk');
  return s;
}

async function results(state: LessonState) {
  return mount('pr-results', { lesson, state, progress: progress(lesson, state, 70), passingScore: 70 });
}

describe('pr-results', () => {
  it('gives the final score against the passing score once every scored question is finished', async () => {
    const state = finishedState();
    const el = await results(state);
    // match: 1 of 2 pairs right on try 2 of 2 → 0.5 × 0.5 = 0.25; the others full credit → (1+1+0.25+1)/4.
    expect(text($(el, '[data-testid=score]'))).toContain('Your score is 81.25%. The passing score is 70%: you passed.');
  });

  it('gives the score so far before that', async () => {
    const state = check(lesson, fresh(lesson), 's01_q1_occasion', { type: 'single', choice: 'a' });
    const el = await results(state);
    expect(text($(el, '[data-testid=score]'))).toContain('Your score so far is 100%, 1 of 8 questions answered.');
  });

  it('compares the pre and post checks: scores, gain, and discrimination explained in one sentence', async () => {
    const el = await results(finishedState());
    expect(text($(el, '[data-testid=pre-score]'))).toBe('First check, before reading: 0%');
    expect(text($(el, '[data-testid=post-score]'))).toBe('Second check, after reading: 100%');
    expect(text($(el, '[data-testid=gain]'))).toBe('Gain: +100 percentage points.');
    // The fixture's items offer no "no technique" option, so d′ cannot be computed (core/progress.ts).
    expect(text($(el, '[data-testid=discrimination]'))).toContain('not available');
    expect(text($(el, '[data-testid=checks] .explain')).split('. ').length).toBe(1);
  });

  it('shows mastery per category as an SVG image with a title and description, and as a table', async () => {
    const el = await results(finishedState());
    const chart = $(el, 'pr-mastery-chart');
    const svg = $(chart, 'svg');
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect($(chart, `#${titleId}`).tagName.toLowerCase()).toBe('title');
    expect($(chart, `#${descId}`).textContent).toContain('Attack on reputation: 63% (2 of 2 questions)');
    const rows = $$(chart, 'tbody tr').map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['Justification', '100%', '1 of 1'],
      ['Manipulative wording', '63%', '2 of 2'],
      ['Call', '100%', '1 of 1'],
      ['Attack on reputation', '63%', '2 of 2'],
    ]);
    expect($$(chart, 'rect.bar').map((r) => r.getAttribute('width'))).toEqual(['300', '187.5', '300', '187.5']);
  });

  it('lists the student\'s answers in words, and their reflections (drafts too)', async () => {
    const el = await results(finishedState());
    expect(text($(el, '[data-testid=answer-s03_q1_slogan]'))).toBe('Mark the slogan right “Let us all live and struggle like heroes”');
    expect(text($(el, '[data-testid=answer-s02_q2_match]'))).toContain('“at a single blow” → Flag waving');
    expect(text($(el, '[data-testid=reflection-s03_q2_reflect]'))).toContain('It ends on a call that is easy to repeat.');
    expect(text($(el, '[data-testid=reflection-syn_q1_whole]'))).toContain('Half a thought about the whole talk');
  });

  it('prints on request, and its print stylesheet drops the controls and the map', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const el = await results(finishedState());
    $(el, '[data-testid=print]').click();
    expect(print).toHaveBeenCalledOnce();
    expect($(el, '[data-testid=device-map]').classList.contains('no-print')).toBe(true);
    const css = (el.constructor as unknown as { styles: { cssText: string }[] }).styles.map((s) => s.cssText).join('\n');
    expect(css).toMatch(/@media print \{[^@]*\.no-print \{\s*display: none !important;/);
    vi.unstubAllGlobals();
  });
});

describe('pr-device-map', () => {
  it('collects the key spans of highlight and match questions by device', () => {
    expect(deviceSpans(lesson).map((s) => [s.segment, s.device])).toEqual([
      ['s02_enemy', 'name_calling'],
      ['s02_enemy', 'exaggeration_minimisation'],
      ['s03_slogan', 'slogans'],
    ]);
  });

  it('splits overlapping spans into pieces and says where each ends', () => {
    const p = pieces('abcdefgh', [
      { start: 1, end: 5, device: 'x' },
      { start: 3, end: 7, device: 'y' },
    ]);
    expect(p).toEqual([
      { text: 'a', devices: [], ends: [] },
      { text: 'bc', devices: ['x'], ends: [] },
      { text: 'de', devices: ['x', 'y'], ends: ['x'] },
      { text: 'fg', devices: ['y'], ends: ['y'] },
      { text: 'h', devices: [], ends: [] },
    ]);
  });

  it('marks passages by device with numbers a screen reader hears as names, and filters by device', async () => {
    const el = await results(finishedState());
    const map = $(el, 'pr-device-map');
    const marks = () => $$(map, 'mark').map((m) => [m.textContent, m.dataset.devices]);
    expect(marks()).toEqual([
      ['their stooges', 'name_calling'],
      ['at a single blow', 'exaggeration_minimisation'],
      ['Let us all live and struggle like heroes!', 'slogans'],
    ]);
    expect(spoken($(map, '[data-testid=ref]'))).toBe('(Name calling)');
    expect(text($(map, '[data-testid=ref]'))).toBe('1 (Name calling)');
    const filter = $<HTMLInputElement>(map, '[data-testid=filter-slogans]');
    expect(filter.closest('label')?.textContent).toContain('Slogans');
    filter.click();
    await settle(map);
    expect(marks().map((m) => m[1])).toEqual(['name_calling', 'exaggeration_minimisation']);
    expect(text($(map, '[data-testid=device-map-text]'))).toContain('Let us all live and struggle like heroes!');
  });
});
