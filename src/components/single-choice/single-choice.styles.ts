import { css } from 'lit';

export const singleChoiceStyles = css`
  .option:hover {
    background: var(--pr-surface);
  }
  .option.is-key {
    outline: 2px solid var(--pr-right);
    outline-offset: -2px;
  }
`;
