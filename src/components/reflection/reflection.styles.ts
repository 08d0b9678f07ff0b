import { css } from 'lit';

export const reflectionStyles = css`
  .steps,
  .rubric {
    margin: 0.75rem 0;
    padding: 0.5rem 1rem;
    background: var(--pr-surface);
    border-radius: var(--pr-radius);
  }
  .steps ol,
  .rubric ul {
    margin: 0.25rem 0;
    padding-left: 1.5rem;
    line-height: 1.5;
  }
  .field-label {
    display: block;
    font-weight: 600;
    margin: 1rem 0 0.25rem;
  }
  textarea {
    display: block;
    width: 100%;
    font: inherit;
    font-family: var(--pr-serif);
    line-height: 1.6;
    padding: 0.5rem;
    border: 2px solid var(--pr-border);
    border-radius: var(--pr-radius);
    background: var(--pr-bg);
    color: var(--pr-fg);
    resize: vertical;
  }
  textarea[readonly] {
    background: var(--pr-surface);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-top: 0.25rem;
    color: var(--pr-muted);
    font-size: 0.95rem;
  }
  .counter.near {
    color: var(--pr-wrong);
    font-weight: 600;
  }
  .print-text {
    display: none;
  }
  @media print {
    /* A text area prints only its visible rows: print the whole text instead. */
    textarea {
      display: none;
    }
    .print-text {
      display: block;
      white-space: pre-wrap;
      font-family: var(--pr-serif);
      line-height: 1.5;
    }
  }
`;
