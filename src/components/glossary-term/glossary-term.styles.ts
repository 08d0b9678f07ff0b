import { css } from 'lit';

export const glossaryTermStyles = css`
  :host {
    display: inline;
    font-family: inherit;
  }
  .term {
    /* Reads as part of the sentence: same font and line, a dotted underline says "there is more". */
    font: inherit;
    line-height: inherit;
    vertical-align: baseline;
    color: inherit;
    background: none;
    border: 0;
    border-radius: 0;
    padding: 0;
    min-height: 0;
    min-width: 0;
    text-decoration: underline dotted var(--pr-accent);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
    cursor: help;
  }
  .term[aria-expanded='true'] {
    text-decoration-style: solid;
  }
  .definition {
    display: block;
    margin: 0.5rem 0;
    padding: 0.75rem 1rem;
    font-family: var(--pr-sans);
    font-size: 0.95rem;
    line-height: 1.5;
    background: var(--pr-surface);
    border-left: 4px solid var(--pr-accent);
    border-radius: var(--pr-radius);
  }
  .definition[hidden] {
    display: none;
  }
  .headword {
    display: block;
  }
  .sources,
  .hint {
    display: block;
    margin-top: 0.25rem;
    color: var(--pr-muted);
    font-size: 0.85rem;
  }
  @media print {
    button.term {
      display: inline !important;
      text-decoration: none;
    }
    .definition {
      display: none;
    }
  }
`;
