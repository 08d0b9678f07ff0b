import { css } from 'lit';

export const multipleChoiceStyles = css`
  .option:hover {
    background: var(--pr-surface);
  }
`;
