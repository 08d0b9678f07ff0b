/**
 * Run a callback once the current change has been painted: the next animation frame, then a task
 * (rAF callbacks run before the frame is produced, a task queued from one runs after it), with a
 * plain timer as a fallback where frames do not run (a hidden tab, jsdom).
 */
export function afterPaint(callback: () => void, fallbackMs = 100): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, fallbackMs);
}
