import { css } from 'lit';

export const resultsStyles = css`
  .big {
    font-size: 1.15rem;
    max-width: 66ch;
  }
  .muted,
  .meta,
  .explain {
    color: var(--pr-muted);
  }
  .explain {
    max-width: 66ch;
  }
  .answers {
    margin: 0;
    max-width: 72ch;
  }
  .answer {
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--pr-border);
  }
  .answer dt {
    font-weight: 600;
  }
  .answer dd {
    margin: 0.25rem 0 0;
  }
  .verdict {
    font-weight: 700;
    margin-right: 0.5rem;
  }
  .verdict-correct,
  .verdict-submitted {
    color: var(--pr-right);
  }
  .verdict-partial {
    color: var(--pr-partial);
  }
  .verdict-wrong {
    color: var(--pr-wrong);
  }
  .reflection {
    max-width: 72ch;
    margin-bottom: 1.5rem;
  }
  .reflection-text {
    white-space: pre-wrap;
    font-family: var(--pr-serif);
    line-height: 1.6;
    padding: 0.75rem 1rem;
    background: var(--pr-surface);
    border-radius: var(--pr-radius);
  }
  @media print {
    .answer,
    .reflection {
      break-inside: avoid;
    }
    .reflection-text {
      background: none;
      border: 1px solid #000;
    }
  }
`;
