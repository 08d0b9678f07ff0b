// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/components/reflection/reflection.js';
import { DRAFT_DEBOUNCE_MS, type PrReflection } from '../../src/components/reflection/reflection.js';
import type { ReflectionQuestion } from '../../src/model/lesson.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, collect, fresh, mount } from './helpers.js';

const lesson = fixtureLesson();
const question = lesson.questions.find((q) => q.id === 's03_q2_reflect') as ReflectionQuestion; // min 20, max 120

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

async function type(el: PrReflection, value: string) {
  const area = $<HTMLTextAreaElement>(el, 'textarea');
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

describe('pr-reflection', () => {
  it('shows the steps, the rubric and a labelled text area described by them', async () => {
    const el = await mount('pr-reflection', { question, lesson });
    expect($(el, '#steps').textContent).toContain('Find the slogan');
    expect($(el, '#rubric').textContent).toContain('Names the device');
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    expect($(el, `label[for=${area.id}]`).textContent).toBe('Your answer');
    expect(area.getAttribute('aria-describedby')).toContain('rubric');
    expect($(el, '[data-testid=counter]').textContent).toBe('0 of 120 characters');
  });

  it('counts characters as the saved data does, and announces only near the limit', async () => {
    const el = await mount('pr-reflection', { question, lesson });
    const live = $(el, '[data-testid=counter-live]');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await type(el, 'a'.repeat(50));
    expect($(el, '[data-testid=counter]').textContent).toBe('50 of 120 characters');
    expect(live.textContent?.trim()).toBe('');
    // A curly quote costs 2 in suspend data (core/text.ts).
    await type(el, 'a'.repeat(100) + '“');
    expect($(el, '[data-testid=counter]').textContent).toBe('102 of 120 characters');
    expect(live.textContent?.trim()).toBe('');
    await type(el, 'a'.repeat(110));
    expect(live.textContent?.trim()).toBe('10 characters left.');
    await type(el, 'a'.repeat(119));
    expect(live.textContent?.trim()).toBe('1 character left.');
  });

  it('clips a paste at the limit', async () => {
    const el = await mount('pr-reflection', { question, lesson });
    await type(el, 'b'.repeat(200));
    expect(el.text).toHaveLength(120);
    expect($<HTMLTextAreaElement>(el, 'textarea').value).toHaveLength(120);
    expect($(el, '[data-testid=counter-live]').textContent?.trim()).toBe('Character limit reached.');
  });

  it('emits a draft once typing pauses (debounced), and again on leaving the field', async () => {
    vi.useFakeTimers();
    const el = await mount('pr-reflection', { question, lesson });
    const drafts = collect('pr-draft-change');
    await type(el, 'The slogan');
    await type(el, 'The slogan asks');
    vi.advanceTimersByTime(DRAFT_DEBOUNCE_MS - 1);
    expect(drafts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(drafts).toEqual([{ questionId: 's03_q2_reflect', text: 'The slogan asks' }]);
    await type(el, 'The slogan asks all');
    $(el, 'textarea').dispatchEvent(new Event('change', { bubbles: true }));
    expect(drafts.at(-1)).toEqual({ questionId: 's03_q2_reflect', text: 'The slogan asks all' });
    vi.advanceTimersByTime(DRAFT_DEBOUNCE_MS * 2);
    expect(drafts).toHaveLength(2);
  });

  it('enables Submit only from minLength, then emits the text', async () => {
    const el = await mount('pr-reflection', { question, lesson });
    const seen = collect('pr-answer-check');
    const submit = () => $<HTMLButtonElement>(el, '[data-testid=check]');
    expect(submit().textContent?.trim()).toBe('Submit');
    expect(submit().disabled).toBe(true);
    await type(el, 'Too short');
    expect(submit().disabled).toBe(true);
    expect($(el, '[data-testid=min]').textContent).toBe('11 more characters needed to submit.');
    await type(el, 'It closes on a call to act.');
    expect(submit().disabled).toBe(false);
    submit().click();
    expect(seen).toEqual([{ questionId: 's03_q2_reflect', response: { type: 'reflection', text: 'It closes on a call to act.' } }]);
  });

  it('starts from the kept draft', async () => {
    const el = await mount('pr-reflection', { question, lesson, draft: 'Half a thought' });
    expect($<HTMLTextAreaElement>(el, 'textarea').value).toBe('Half a thought');
  });

  it('once submitted: read-only, says it was submitted, shows the explanation', async () => {
    const state = check(lesson, fresh(lesson), question.id, { type: 'reflection', text: 'It closes on a call to act.' });
    const el = await mount('pr-reflection', { question, lesson, answer: state.answers[question.id] });
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    expect(area.readOnly).toBe(true);
    expect(area.value).toBe('It closes on a call to act.');
    expect($(el, '[data-testid=feedback]').textContent).toContain('Submitted.');
    expect($(el, '[data-testid=explanation]').textContent).toContain('A slogan is easy to repeat.');
    expect($$(el, '[data-testid=check]')).toHaveLength(0);
  });

  it('in review: read-only, nothing emitted', async () => {
    vi.useFakeTimers();
    const el = await mount('pr-reflection', { question, lesson, review: true, draft: 'Draft kept' });
    const drafts = collect('pr-draft-change');
    expect($<HTMLTextAreaElement>(el, 'textarea').readOnly).toBe(true);
    await type(el, 'changed anyway');
    vi.advanceTimersByTime(DRAFT_DEBOUNCE_MS);
    expect(drafts).toEqual([]);
    expect($$(el, 'button')).toHaveLength(0);
  });
});
