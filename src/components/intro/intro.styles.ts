import { css } from 'lit';

export const introStyles = css`
  .estimate {
    color: var(--pr-muted);
    margin-top: -0.5rem;
  }
  .content-note {
    max-width: 66ch;
    margin: 1.5rem 0;
    padding: 0.25rem 1rem;
    border: 2px solid var(--pr-partial);
    border-radius: var(--pr-radius);
  }
  .content-note h3 {
    margin-top: 0.75rem;
  }
`;
