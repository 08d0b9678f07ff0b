// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/segment/segment.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, deepActive, fresh, key, mount, text } from './helpers.js';

const lesson = fixtureLesson();

afterEach(() => document.body.replaceChildren());

describe('pr-segment', () => {
  it('shows heading, orientation, context and the text with the source\'s heading on the first part', async () => {
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    expect($(el, 'h2').textContent?.trim()).toBe('Part 1: A national meeting of heroes');
    expect(text($(el, '[data-testid=orientation]'))).toBe(
      'What this part does: The talk opens by tying a coming meeting to two anniversaries.',
    );
    expect(text($(el, '[data-testid=context]'))).toContain('four months before');
    const talk = $(el, '[data-testid=talk]');
    expect(talk.getAttribute('lang')).toBe('en');
    expect($$(el, '.source-heading').map((p) => p.textContent)).toEqual(['Talk to the Senior Officials', 'May 15, 1988']);
    expect(text($(el, '[data-testid=paragraph-0]'))).toBe(lesson.segments[0]!.paragraphs[0]);
  });

  it('keeps headings in order: h2, then h3 sections, then h4', async () => {
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    const levels = $$(el, 'h2, h3, h4').map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(2);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('marks a glossary term as a disclosure button; Escape closes it and returns focus', async () => {
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    const term = $(el, '[data-testid=term-juche]');
    const button = $(term, 'button');
    const def = $(term, '[data-testid=glossary-definition]');
    expect(button.textContent).toBe('Juche');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(def.id);
    expect(def.hidden).toBe(true);
    button.click();
    await (term as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(def.hidden).toBe(false);
    expect(text(def)).toContain('The official ideology of the DPRK.');
    expect(text(def)).toContain('Myers, B. R. (2015)');
    key(button, 'Escape');
    await (term as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(deepActive()).toBe(button);
    // The sentence still reads whole (the note marker follows the term).
    expect(text($(el, '[data-testid=paragraph-1]'))).toContain('revolutionary cause of Juche1 victoriously');
  });

  it('links numbered editor\'s notes to the notes list and back', async () => {
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    const ref = $<HTMLAnchorElement>(el, '[data-testid=note-ref-1]');
    expect(ref.getAttribute('aria-label')).toBe("Editor's note 1");
    expect(ref.getAttribute('href')).toBe('#note-1');
    ref.click();
    expect(deepActive()).toBe($(el, '#note-1'));
    expect(text($(el, '#note-1'))).toContain('Spelling kept as printed.');
    $<HTMLAnchorElement>(el, '#note-1 a.back').click();
    expect(deepActive()).toBe(ref);
    // Notes on the heading are listed with the first part, without a link back.
    expect(text($(el, '[data-testid=note-2]'))).toContain('A misprint.');
  });

  it('shows history notes beside the text with their sources', async () => {
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    const aside = $(el, 'aside[data-testid=history]');
    expect(text(aside)).toContain('The anniversaries');
    expect(text(aside)).toContain('Sources: Cumings, B. (1997). Korea’s Place in the Sun.');
  });

  it('lists its questions numbered, each the right element', async () => {
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's02_enemy' });
    const qs = $$(el, '[data-testid=questions] > *').filter((n) => n.tagName.startsWith('PR-'));
    expect(qs.map((q) => q.tagName.toLowerCase())).toEqual(['pr-multiple-choice', 'pr-match']);
    expect(qs.map((q) => $(q, 'h4').textContent)).toEqual(['Question 1 of 2', 'Question 2 of 2']);
  });

  it('sets the text for long reading in the system serif stack, no web fonts', async () => {
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    const css = (el.constructor as typeof HTMLElement & { styles: { cssText: string }[] }).styles
      .map((s) => s.cssText)
      .join('\n');
    expect(css).toContain("Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif");
    expect(css).toMatch(/\.talk \{[^}]*max-width: 66ch;[^}]*line-height: 1\.6;/);
    expect(css).not.toMatch(/@font-face|@import|url\(/);
  });
});
