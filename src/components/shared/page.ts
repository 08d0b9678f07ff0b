/** What the reader asks of every page element. */
export interface PageElement extends HTMLElement {
  /** Move focus to the page's heading (after navigation), so keyboard and screen-reader users
   * start reading at the top of the new page. */
  focusHeading(): void;
}

/** Focus the element with data-testid="page-heading" in `root`, without scrolling past it. */
export function focusPageHeading(root: ParentNode): void {
  const h = root.querySelector<HTMLElement>('[data-testid="page-heading"]');
  if (!h) return;
  h.focus({ preventScroll: true });
  h.scrollIntoView?.({ block: 'start' });
}
