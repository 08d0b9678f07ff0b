/**
 * The browser-side helpers the app's start shares (src/app/opening.ts, app.ts): run something
 * after the next paint, set a performance mark, download a script without running it.
 */

/** Runs `callback` once the current change has painted: the next animation frame, then a task
 * (rAF callbacks run before the paint, a task queued from one runs after it), with a plain timer
 * as a fallback where frames do not run (a hidden tab, jsdom). */
export function afterPaint(callback: () => void, win: Window = window): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(() => win.setTimeout(once, 0));
  win.setTimeout(once, 100);
}

/** performance.mark where there is one (bench/run.mjs reads the app's marks). */
export function performanceMark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/** Download a script now without running it: a <script> for the same URL later takes it from
 * the cache (the chunk loader's, src/app/chunk-loader.ts). */
export function preloadScript(doc: Document, href: string): void {
  const link = doc.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = href;
  doc.head.append(link);
}
