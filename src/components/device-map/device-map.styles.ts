import { css, unsafeCSS } from 'lit';
import { DEVICE_COLOURS } from '../shared/tokens.styles.js';

export const DEVICE_SLOTS = DEVICE_COLOURS.light.length;

// One class per colour slot, light and dark; our own constants, so unsafeCSS is safe here.
const slots = (scheme: 'light' | 'dark') =>
  unsafeCSS(DEVICE_COLOURS[scheme].map((c, i) => `.dev-${i} { background: ${c}; }`).join('\n'));

export const deviceMapStyles = css`
  :host {
    display: block;
  }
  ${slots('light')}
  @media (prefers-color-scheme: dark) {
    ${slots('dark')}
  }
  .intro {
    max-width: 66ch;
    line-height: 1.5;
  }
  .legend {
    border: 1px solid var(--pr-border);
    border-radius: var(--pr-radius);
    padding: 0.5rem 1rem;
    margin: 0 0 1rem;
  }
  .legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
  }
  .legend label {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--pr-target);
    cursor: pointer;
  }
  .legend input {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--pr-accent);
  }
  .swatch {
    display: inline-block;
    min-width: 1.75rem;
    padding: 0 0.25rem;
    text-align: center;
    border: 1px solid var(--pr-border);
    border-radius: var(--pr-radius);
    font-weight: 700;
    /* The scheme's text colour for marked text: dark on the light slots, white on the dark ones. */
    color: var(--pr-mark-fg);
  }
  .text {
    max-width: 66ch;
    font-family: var(--pr-serif);
    line-height: 1.6;
  }
  .text h4 {
    font-family: var(--pr-sans);
  }
  mark.dev {
    color: var(--pr-mark-fg);
    padding: 0.1em 0;
  }
  .ref {
    font-family: var(--pr-sans);
    font-weight: 700;
    font-size: 0.75rem;
    margin-left: 0.1em;
  }
`;
