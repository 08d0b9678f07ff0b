import { css } from 'lit';

export const segmentStyles = css`
  :host {
    container-type: inline-size;
  }
  .orientation {
    font-style: italic;
  }
  .reading {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0 2rem;
  }
  /* History notes sit beside the text when there is room for both, below it otherwise. */
  @container (min-width: 54rem) {
    .reading.has-history {
      grid-template-columns: minmax(0, 66ch) minmax(14rem, 1fr);
    }
  }
  .talk {
    max-width: 66ch;
    font-family: var(--pr-serif);
    font-size: 1.15rem;
    line-height: 1.6;
  }
  .talk p {
    margin: 0 0 1em;
    line-height: 1.6;
  }
  .source-heading {
    font-weight: 700;
    text-align: center;
  }
  .note-ref a {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.2em;
    font-family: var(--pr-sans);
    font-size: 0.8rem;
    text-align: center;
  }
  .history {
    font-size: 0.95rem;
  }
  .history-note {
    padding: 0.25rem 1rem 0.5rem;
    margin-bottom: 1rem;
    background: var(--pr-surface);
    border-left: 4px solid var(--pr-border);
    border-radius: var(--pr-radius);
  }
  .history-note .anchor {
    font-family: var(--pr-serif);
    font-style: italic;
  }
  .sources {
    color: var(--pr-muted);
    font-size: 0.9rem;
  }
  .label {
    font-weight: 600;
  }
  .notes {
    max-width: 66ch;
    font-size: 0.95rem;
  }
  .notes li:focus {
    outline: 3px solid var(--pr-focus);
    outline-offset: 2px;
  }
  .appendix {
    margin-top: 2rem;
    padding: 0.5rem 1rem;
    border: 1px dashed var(--pr-border);
    border-radius: var(--pr-radius);
  }
  .appendix-note {
    color: var(--pr-muted);
  }
  @media print {
    .reading {
      display: block;
    }
  }
`;
