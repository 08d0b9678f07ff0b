import { css } from 'lit';

export const matchStyles = css`
  .pairs {
    list-style: none;
    margin: 1rem 0 0;
    padding: 0;
  }
  .pair {
    padding: 0.75rem 0;
    border-top: 1px solid var(--pr-border);
  }
  .pair:first-child {
    border-top: 0;
  }
  .quote-label {
    margin: 0;
    font-weight: 600;
    color: var(--pr-muted);
  }
  .quote {
    margin: 0.25rem 0 0.75rem;
    font-family: var(--pr-serif);
    line-height: 1.6;
  }
  .select-label {
    display: block;
    margin-bottom: 0.25rem;
  }
  select {
    font: inherit;
    min-height: var(--pr-target);
    max-width: 100%;
    padding: 0.4rem;
    border: 2px solid var(--pr-border);
    border-radius: var(--pr-radius);
    background: var(--pr-bg);
    color: var(--pr-fg);
  }
  .option-feedback {
    margin-left: 0;
    margin-top: 0.5rem;
  }
  .count {
    color: var(--pr-muted);
  }
`;
