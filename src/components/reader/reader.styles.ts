import { css } from 'lit';

export const readerStyles = css`
  :host {
    display: block;
    background: var(--pr-bg);
    color: var(--pr-fg);
    min-height: 100vh;
    font-size: 1rem;
  }
  .shell {
    max-width: 84rem;
    margin: 0 auto;
    padding: 0 1rem 2rem;
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.5rem 2rem;
    padding: 1rem 0;
    border-bottom: 1px solid var(--pr-border);
  }
  h1 {
    font-size: clamp(1.3rem, 1rem + 1.5vw, 1.8rem);
    line-height: 1.2;
    margin: 0;
  }
  .source,
  .learner {
    margin: 0.25rem 0 0;
    color: var(--pr-muted);
  }
  .progress {
    flex: 1 1 18rem;
    max-width: 30rem;
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--pr-accent);
  }
  .progress-text {
    margin: 0.25rem 0 0;
    font-size: 0.9rem;
    color: var(--pr-muted);
  }
  .mode-banner {
    margin: 1rem 0 0;
    padding: 0.75rem 1rem;
    border: 2px solid var(--pr-accent);
    border-radius: var(--pr-radius);
    font-weight: 600;
  }
  .notices:empty {
    display: none;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin: 1rem 0 0;
    padding: 0.5rem 1rem;
    border: 2px solid var(--pr-partial);
    border-left-width: 6px;
    border-radius: var(--pr-radius);
    background: var(--pr-surface);
  }
  .notice p {
    margin: 0;
    flex: 1 1 20rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(13rem, 17rem) minmax(0, 1fr);
    gap: 2rem;
    margin-top: 1.5rem;
  }
  .toc {
    align-self: start;
    position: sticky;
    top: 0;
    max-height: 100vh;
    overflow-y: auto;
    padding: 0.25rem;
  }
  .toc-toggle {
    display: none;
  }
  .toc-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .toc-item {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
    text-align: left;
    border: 0;
    border-left: 4px solid transparent;
    border-radius: 0;
    padding: 0.4rem 0.6rem;
    color: var(--pr-fg);
    background: none;
  }
  .toc-item:hover {
    background: var(--pr-surface);
  }
  .toc-item.current {
    /* Current page: a bar and bold type, not colour alone; aria-current says it to screen readers. */
    border-left-color: var(--pr-accent);
    font-weight: 700;
    background: var(--pr-surface);
  }
  .toc-title {
    line-height: 1.3;
  }
  .status {
    font-size: 0.85rem;
    font-weight: 400;
    color: var(--pr-muted);
  }
  .status-done .status-icon {
    color: var(--pr-right);
  }
  .main {
    min-width: 0;
  }
  .pager {
    display: grid;
    grid-template-columns: 1fr auto 1fr;
    align-items: center;
    gap: 1rem;
    margin-top: 3rem;
    padding-top: 1rem;
    border-top: 1px solid var(--pr-border);
  }
  .pager-slot.next {
    text-align: right;
  }
  .pager button {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: 100%;
    text-align: left;
  }
  .pager .next button {
    align-items: flex-end;
    text-align: right;
  }
  .pager-title {
    font-size: 0.85rem;
    font-weight: 400;
  }
  .page-of {
    margin: 0;
    color: var(--pr-muted);
    font-size: 0.9rem;
  }
  @media (max-width: 700px) {
    .shell {
      padding: 0 0.75rem 2rem;
    }
    .layout {
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
    }
    .toc {
      position: static;
      max-height: none;
      padding: 0;
    }
    .toc-toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      width: 100%;
    }
    .toc:not(.open) .toc-list {
      display: none;
    }
    .toc-list {
      margin-top: 0.5rem;
      border: 1px solid var(--pr-border);
      border-radius: var(--pr-radius);
    }
    .pager {
      grid-template-columns: 1fr 1fr;
    }
    .page-of {
      grid-column: 1 / -1;
      grid-row: 2;
      text-align: center;
    }
  }
  @media print {
    :host {
      min-height: 0;
    }
    .toc,
    .pager,
    .notices,
    .mode-banner,
    .progress {
      display: none !important;
    }
    .layout {
      display: block;
    }
  }

  /* Off screen until focused, then a visible first stop for keyboard users. */
  .skip-link {
    position: absolute;
    left: 0.5rem;
    top: -100vh;
    z-index: 10;
    padding: 0.75rem 1rem;
    background: var(--pr-bg);
    color: var(--pr-accent);
    border: 2px solid currentColor;
    border-radius: 4px;
  }
  .skip-link:focus {
    top: 0.5rem;
  }
`;
