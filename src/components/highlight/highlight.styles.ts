import { css } from 'lit';

export const highlightStyles = css`
  :host {
    /* The words of a whole segment: the tallest question (see question.styles.ts). */
    contain-intrinsic-size: auto 60rem;
  }
  .instructions {
    font-size: 0.95rem;
    color: var(--pr-muted);
  }
  .grid {
    max-width: 66ch;
    font-family: var(--pr-serif);
    font-size: 1.1rem;
    /* Taller lines give fingers more room between rows of words. */
    line-height: 2.1;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--pr-border);
    border-radius: var(--pr-radius);
    user-select: none;
    -webkit-user-select: none;
    /* Vertical drags scroll the page; sideways drags paint words. */
    touch-action: pan-y;
  }
  /* The words in one flow, paragraphs separated by a blank line (see word-grid.ts). The lines
     take their height from the words; the blank line, which holds none, is only this tall. */
  .words {
    white-space: pre-line;
    line-height: 0.75rem;
  }
  .word,
  .gap {
    line-height: 2.1;
  }
  /* An unmarked word is a bare inline box (no padding or background), which the browser lays out
     as cheaply as plain text: a long segment has hundreds of them. */
  .word {
    cursor: pointer;
  }
  .gap.marked {
    background: var(--pr-mark-bg);
    box-shadow: inset 0 -2px 0 var(--pr-fg);
    padding: 0.15em 0;
  }
  .word.marked {
    background: var(--pr-mark-bg);
    color: var(--pr-mark-fg);
    /* Marked is also shown by a line, not by colour alone. */
    box-shadow: inset 0 -2px 0 var(--pr-fg);
    /* The shading reaches a little past the word; the negative margin keeps the words from
       moving when one is marked. */
    padding: 0.15em 0.05em;
    margin: 0 -0.05em;
    border-radius: 2px;
  }
  .word:focus-visible,
  .word:focus {
    outline: 3px solid var(--pr-focus);
    outline-offset: 1px;
  }
  .show-key .word.key {
    text-decoration: underline;
    text-decoration-thickness: 3px;
    text-decoration-color: var(--pr-right);
    text-underline-offset: 4px;
  }
  .grid[aria-readonly='true'] .word {
    cursor: default;
  }
  .below-grid {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem;
  }
  .count {
    font-weight: 600;
  }
  .scores {
    line-height: 1.5;
  }
  @media print {
    .grid {
      border: 0;
      padding: 0;
    }
    .gap.marked {
    background: var(--pr-mark-bg);
    box-shadow: inset 0 -2px 0 var(--pr-fg);
    padding: 0.15em 0;
  }
  .word.marked {
      background: none;
      text-decoration: underline;
    }
  }
`;
