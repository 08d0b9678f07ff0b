/**
 * Chunk `app-main.js`: the app proper (app.ts), the runtime's tracker and the core. Loaded by
 * boot.ts once the opening (opening.ts) has shown the student's text, or at once when it shows
 * none.
 */
import type { PrReader } from '../../components/reader/reader.js';
import type { Lesson } from '../../model/lesson.js';
import { connect } from '../../runtime/index.js';
import { startApp, type App } from '../app.js';
import type { Opening } from '../opening.js';

export function start(win: Window, lesson: Lesson, reader: PrReader, opening: Opening, options: { retryDelays?: readonly number[] } = {}): Promise<App> {
  return startApp({
    lesson,
    reader,
    retryDelays: options.retryDelays,
    shownPage: opening.shown,
    connect: (l, snapshot) => connect({ lesson: l, snapshot, window: win, opened: opening.api }),
  });
}
