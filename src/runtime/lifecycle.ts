/**
 * Saving before the page goes away. Moodle commits with a synchronous XMLHttpRequest, which Chrome
 * forbids during page dismissal (Moodle then falls back to sendBeacon and always reports success),
 * so the state must be committed when the page is *hidden*, not in unload.
 */
import type { Snapshot, Tracker } from './tracker.js';

export interface LifecycleOptions {
  /** Also Terminate on pagehide (the learner is leaving). Default true. */
  finishOnPageHide?: boolean;
}

/**
 * Save on visibilitychange → hidden, and finish (which saves) on pagehide. `snapshot` returns the current
 * state (or null while there is none). Returns a function that removes the listeners.
 */
export function flushOnHide(
  win: Window,
  tracker: Tracker,
  snapshot: () => Snapshot | null,
  options: LifecycleOptions = {},
): () => void {
  const finishOnPageHide = options.finishOnPageHide ?? true;
  const current = (): Snapshot | null => {
    try {
      return snapshot();
    } catch {
      return null;
    }
  };
  const onVisibility = () => {
    if (win.document.visibilityState !== 'hidden') return;
    const value = current();
    if (value !== null) tracker.save(value, 'hidden');
  };
  const onPageHide = () => {
    const value = current();
    if (value === null) return;
    if (finishOnPageHide) tracker.finish(value);
    else tracker.save(value, 'hidden');
  };
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  return () => {
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
  };
}
