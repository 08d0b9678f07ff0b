// @vitest-environment jsdom
/**
 * The opening segment's text before the reader's code (src/app/first-text.ts): written plain,
 * painted, and only then the reader loaded, which takes its place without a gap. This file
 * imports no element, so <pr-reader> stays undefined until the app loads its chunk
 * (src/app/lazy/reader.ts), as in a package. The first test relies on that: keep it first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp, type AppOptions } from '../../src/app/app.js';
import { FIRST_TEXT_CLASS, removeFirstText, showFirstText } from '../../src/app/first-text.js';
import type { PageLoader } from '../../src/app/page-loader.js';
import { encodeState } from '../../src/core/codec.js';
import { goTo, initialState } from '../../src/core/state.js';
import type { Lesson } from '../../src/model/lesson.js';
import { pagesMissing } from '../../src/model/pages.js';
import { splitLesson } from '../../src/packager/split.js';
import { connect } from '../../src/runtime/index.js';
import { strings } from '../../src/ui/strings.js';
import { fixtureLesson } from '../components/fixture-lesson.js';
import { FakeLms, MemoryStorage } from '../runtime/support/lms.js';

const lesson = fixtureLesson();
const first = lesson.segments[0]!;
const { outline, pages } = splitLesson(lesson);
const content = new Map(pages.map((p) => [p.page, p]));
const loadPages: PageLoader = async (l, page) => pagesMissing(l, page).map((p) => content.get(p)!);

afterEach(() => {
  delete (window as unknown as Record<string, unknown>).API;
  document.body.replaceChildren();
});

/** The app's "after the paint" hook, run by hand: `paint()` is the browser painting. */
const paints: Array<() => void> = [];
const manualPaint: AppOptions['afterPaint'] = (callback) => paints.push(callback);
const paint = () => {
  for (const callback of paints.splice(0)) callback();
};

function launchAt(page: string | null) {
  const lms = new FakeLms('1.2');
  if (page) {
    const saved = encodeState(lesson, goTo(lesson, initialState(lesson), page));
    lms.stored = { core: { lesson_location: page, exit: 'suspend', entry: 'resume' }, suspend_data: saved };
  }
  lms.launch().installOn(window);
  const reader = document.createElement('pr-reader');
  document.body.append(reader);
  const marks: string[] = [];
  const started = startApp({
    lesson: outline,
    reader,
    loadPages,
    afterPaint: manualPaint,
    mark: (name) => marks.push(name),
    connect: (l, snapshot) => connect({ lesson: l, snapshot, storage: new MemoryStorage(), preferredVersion: '1.2' }),
  });
  return { reader, marks, started };
}

const shadowPage = (reader: Element) => reader.shadowRoot?.querySelector<HTMLElement>('[data-testid=main]')?.dataset.page;

describe('startApp before the reader\'s code has arrived', () => {
  it('shows the opening segment\'s text first, lets it paint, then loads the reader, which replaces it', async () => {
    expect(customElements.get('pr-reader')).toBeUndefined();
    const { reader, marks, started } = launchAt(first.id);

    await vi.waitFor(() => expect(marks).toEqual(['pr:first-segment']));
    const plain = reader.querySelector(`.${FIRST_TEXT_CLASS}`)!;
    expect([...plain.querySelectorAll('.pr-first-talk p')].map((p) => p.textContent)).toEqual(first.paragraphs);
    // The app waits for that paint (however long it takes) before any of the reader's code runs.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paints).toHaveLength(1);
    expect(customElements.get('pr-reader')).toBeUndefined();
    expect(reader.shadowRoot).toBeNull();

    paint();
    const app = await started;
    expect(customElements.get('pr-reader')).toBeDefined();
    await reader.updateComplete;
    await vi.waitFor(() => expect(marks).toEqual(['pr:first-segment', 'pr:reader-ready']));
    expect(shadowPage(reader)).toBe(first.id);
    expect(reader.querySelector(`.${FIRST_TEXT_CLASS}`)).toBeNull();
    expect(app.state.location).toBe(first.id);
  });

  it('opens other pages in the reader itself, marking the text once the reader has rendered it', async () => {
    const { reader, marks, started } = launchAt(null);
    await started;
    await reader.updateComplete;
    await vi.waitFor(() => expect(marks).toEqual(['pr:first-segment', 'pr:reader-ready']));
    expect(shadowPage(reader)).toBe('intro');
    expect(reader.querySelector(`.${FIRST_TEXT_CLASS}`)).toBeNull();
  });
});

describe('showFirstText', () => {
  it('writes the lesson title, the segment heading and its paragraphs word for word', () => {
    const host = document.createElement('div');
    expect(showFirstText(host, lesson, first.id)).toBe(true);
    const root = host.querySelector<HTMLElement>(`.${FIRST_TEXT_CLASS}`)!;
    expect(root.lang).toBe(lesson.language);
    expect(root.querySelector('h1')!.textContent).toBe(lesson.title);
    expect(root.querySelector('h2')!.textContent).toBe(strings.pages.segmentHeading(first.number, first.title));
    expect([...root.querySelectorAll('.pr-first-talk p')].map((p) => p.textContent)).toEqual(first.paragraphs);
    expect(root.querySelectorAll('main')).toHaveLength(1);
  });

  it('writes nothing for a page that is not a segment, or whose content has not arrived', () => {
    const host = document.createElement('div');
    expect(showFirstText(host, lesson, 'intro')).toBe(false);
    expect(showFirstText(host, outline, first.id)).toBe(false);
    expect(showFirstText(host, lesson, 'no-such-page')).toBe(false);
    expect(host.childNodes).toHaveLength(0);
  });

  it('treats the text as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned = 1"> & <b>bold</b>';
    const withMarkup: Lesson = { ...lesson, segments: lesson.segments.map((s, i) => (i === 0 ? { ...s, paragraphs: [hostile] } : s)) };
    const host = document.createElement('div');
    showFirstText(host, withMarkup, first.id);
    expect(host.querySelector('img, b')).toBeNull();
    expect(host.querySelector('.pr-first-talk p')!.textContent).toBe(hostile);
  });

  it('is removed, and only it, once the reader has rendered', () => {
    const host = document.createElement('div');
    const own = host.appendChild(document.createElement('span'));
    showFirstText(host, lesson, first.id);
    removeFirstText(host);
    expect([...host.children]).toEqual([own]);
  });
});
