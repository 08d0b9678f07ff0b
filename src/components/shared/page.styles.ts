/** Styles shared by the page elements (intro, segment, checks, synthesis, results). */
import { css } from 'lit';

export const pageStyles = css`
  :host {
    display: block;
  }
  .page-heading {
    font-size: clamp(1.4rem, 1.1rem + 1.5vw, 1.9rem);
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h3 {
    font-size: 1.2rem;
    margin: 2rem 0 0.75rem;
  }
  h4 {
    font-size: 1.05rem;
    margin: 1.25rem 0 0.5rem;
  }
  p,
  li {
    line-height: 1.55;
  }
  .lead {
    font-size: 1.1rem;
    max-width: 66ch;
  }
  .prose {
    max-width: 66ch;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    margin: 2rem 0 1rem;
  }
`;
