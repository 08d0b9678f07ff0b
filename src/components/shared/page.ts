/** What the reader asks of every page element. */
export interface PageElement extends HTMLElement {
  /** Move focus to the page's heading (after navigation), so keyboard and screen-reader users
   * start reading at the top of the new page. */
  focusHeading(): void;
}

/** Focus the element with data-testid="page-heading" in `root` at once, and scroll it into view
 * in the next frame: scrolling now would force a layout in the middle of the page switch, which
 * the browser is about to do anyway. */
export function focusPageHeading(root: ParentNode): void {
  const h = root.querySelector<HTMLElement>('[data-testid="page-heading"]');
  if (!h) return;
  h.focus({ preventScroll: true });
  const scroll = () => h.scrollIntoView?.({ block: 'start' });
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(scroll);
  else scroll();
}
