import { css } from 'lit';

export const synthesisStyles = css`
  .items {
    max-width: 72ch;
  }
`;
