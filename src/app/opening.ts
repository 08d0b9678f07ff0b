/**
 * The first thing app.js does: open the LMS session and, when the student comes back to a part of
 * the talk, show that part's text. Everything else (the runtime's tracker, the core, the reader)
 * is in chunks loaded after that text has painted; on a slow phone they take far longer to run
 * than this does, and the student can read meanwhile.
 *
 * It finds the LMS's API (runtime/discovery), calls Initialize once, and reads only the bookmark.
 * The runtime later adopts that session (ConnectOptions.opened) and reads the rest. When no API
 * is found nothing happens here: the runtime installs the local LMS as before, and the app shows
 * the text itself (app.ts). Nothing here throws: a missing, broken or hostile LMS, a bookmark
 * that names no page, or page content that does not arrive each leave the rest to the app.
 */
import { pageOrder, type Lesson, type PageId } from '../model/lesson.js';
import { withPage } from '../model/pages.js';
import { findApi, type OpenedApi } from '../runtime/discovery.js';
import { parseVersion } from '../runtime/vocabulary/index.js';
import { paintFirstText } from './first-text.js';
import { scriptPageLoader, type PageLoader } from './page-loader.js';
import { afterPaint, performanceMark, preloadScript } from './paint.js';

/** The chunk with the rest of the app (src/app/lazy/main.ts), next to index.html. */
export const MAIN_CHUNK = 'app-main.js';

export interface Opening {
  /** The API found and initialized here, for the runtime to adopt; null when none was found. */
  api: OpenedApi | null;
  /** The page whose text is shown (first-text.ts), painted; null when none is. */
  shown: PageId | null;
  /** The lesson, with that page's content merged in. */
  lesson: Lesson;
}

export interface OpeningOptions {
  loadPages?: PageLoader;
  afterPaint?: (callback: () => void) => void;
  mark?: (name: string) => void;
}

function attempt<T>(work: () => T): T | null {
  try {
    return work() ?? null;
  } catch {
    return null;
  }
}

export async function openSession(win: Window, lesson: Lesson, reader: HTMLElement, options: OpeningOptions = {}): Promise<Opening> {
  const preferred = parseVersion(attempt(() => win.document.documentElement.dataset.scormVersion)) ?? '1.2';
  const found = attempt(() => findApi(win, preferred));
  if (found === null) return { api: null, shown: null, lesson };
  const initialized = attempt(() => found.port.initialize()) === true;
  const api: OpenedApi = { found, initialized };
  const bookmark = initialized ? attempt(() => found.port.getValue(found.dialect.bookmarkElement)) : null;
  const page = bookmark !== null && pageOrder(lesson).includes(bookmark) ? bookmark : null;
  if (page === null || !lesson.segments.some((s) => s.id === page)) return { api, shown: null, lesson };

  const loadPages = options.loadPages ?? scriptPageLoader(win);
  let opened = lesson;
  try {
    const contents = loadPages(lesson, page);
    // The rest of the app downloads while the page's content does; it runs after the paint.
    preloadScript(win.document, MAIN_CHUNK);
    opened = (await contents).reduce(withPage, lesson);
  } catch {
    return { api, shown: null, lesson };
  }
  const paint = { mark: options.mark ?? performanceMark, afterPaint: options.afterPaint ?? ((callback: () => void) => afterPaint(callback, win)) };
  const shown = await paintFirstText(reader, opened, page, paint).catch(() => false);
  return { api, shown: shown ? page : null, lesson: opened };
}
