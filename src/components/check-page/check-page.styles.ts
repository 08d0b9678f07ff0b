import { css } from 'lit';

export const checkPageStyles = css`
  .items {
    max-width: 72ch;
  }
`;
