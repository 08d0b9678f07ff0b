/**
 * The talk's text before the reader has arrived. On a phone the reader's code (Lit and the
 * elements, `app-reader.js`) takes several hundred milliseconds to run and lay out; the words the
 * student came back to read need none of it. So the app writes the opening segment's heading
 * and paragraphs as plain elements into <pr-reader>'s light DOM, lets them paint, and
 * only then loads the reader. Once the reader is defined its shadow root hides them (light
 * children it does not slot are not rendered, nor exposed to assistive technology), and the app
 * removes them after the reader's first render: the text never blinks out.
 *
 * Plain text only (textContent): the paragraphs are the source's exact words. Pages that are not
 * segments (the introduction, checks, results) wait for the reader instead.
 */
import type { Lesson, PageId } from '../model/lesson.js';
import { pagesMissing } from '../model/pages.js';
import { strings } from '../ui/strings.js';

/** Class of the plain view's root; base.css styles it to sit where the reader's page will. */
export const FIRST_TEXT_CLASS = 'pr-first';

/** Write `page`'s text into `host` (its light DOM) when it is a segment whose content is loaded.
 * Returns whether anything was written. */
export function showFirstText(host: HTMLElement, lesson: Lesson, page: PageId): boolean {
  const segment = lesson.segments.find((s) => s.id === page);
  if (!segment || pagesMissing(lesson, page).length > 0 || segment.paragraphs.length === 0) return false;
  const doc = host.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const root = el('div', FIRST_TEXT_CLASS);
  root.dataset.testid = 'first-text';
  root.lang = lesson.language;

  // Only the words, in two typefaces (bold sans for the headings, the talk's serif): on a slow
  // phone each further face or line of text costs the first paint more than it helps (the
  // italic orientation, the source line and the talk's heading lines made it twice as slow).
  // Empty blocks hold roughly the room the reader gives the source line and progress row, and the
  // orientation and "The text" heading, so that the paragraphs move less when the reader takes
  // over and shows them.
  const banner = el('header', 'pr-first-banner');
  banner.append(el('h1', '', lesson.title), el('div', 'pr-first-room-banner'));

  const main = el('main', 'pr-first-main');
  main.append(el('h2', '', strings.pages.segmentHeading(segment.number, segment.title)), el('div', 'pr-first-room-lead'));
  const talk = el('div', 'pr-first-talk');
  for (const paragraph of segment.paragraphs) talk.append(el('p', '', paragraph));
  main.append(talk);

  const layout = el('div', 'pr-first-layout');
  layout.append(main);
  root.append(banner, layout);
  host.append(root);
  return true;
}

/**
 * Show `page`'s text (showFirstText), mark it 'pr:first-segment' (bench/run.mjs times it), run
 * `meanwhile` (a download to start), and resolve true once it has painted; false at once when
 * there was nothing to show.
 */
export async function paintFirstText(
  host: HTMLElement,
  lesson: Lesson,
  page: PageId,
  { mark, afterPaint, meanwhile }: { mark: (name: string) => void; afterPaint: (callback: () => void) => void; meanwhile?: () => void },
): Promise<boolean> {
  if (!showFirstText(host, lesson, page)) return false;
  mark('pr:first-segment');
  meanwhile?.();
  await new Promise<void>((resolve) => afterPaint(resolve));
  return true;
}

/** Remove what showFirstText wrote (the reader has rendered the page by then). */
export function removeFirstText(host: HTMLElement): void {
  for (const node of host.querySelectorAll(`:scope > .${FIRST_TEXT_CLASS}`)) node.remove();
}
