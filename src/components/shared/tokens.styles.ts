/**
 * Design tokens and the few rules every element shares. Each element puts `tokens` first in its
 * `static styles`, so the custom properties are set on its own :host (shadow roots do not see the
 * page's stylesheets). Contrast, checked for both schemes: text ≥ 4.5:1 on its background, focus
 * outline and control borders ≥ 3:1 (see test/components/contrast.test.ts).
 */
import { css, unsafeCSS } from 'lit';

/** The colours of each scheme, as data, so the contrast test reads the same values the CSS uses. */
export const PALETTE = {
  light: {
    bg: '#ffffff',
    fg: '#1b1b1b',
    muted: '#4d4d4d',
    surface: '#f4f1ea',
    accent: '#0b57a4',
    accentFg: '#ffffff',
    border: '#767676',
    focus: '#0b57a4',
    right: '#176b2c',
    partial: '#7a5300',
    wrong: '#a3321f',
    markBg: '#ffe28a',
    markFg: '#1b1b1b',
  },
  dark: {
    bg: '#141414',
    fg: '#e6e6e6',
    muted: '#b5b5b5',
    surface: '#1f1f1f',
    accent: '#8cb8ff',
    accentFg: '#141414',
    border: '#8a8a8a',
    focus: '#8cb8ff',
    right: '#7fd18e',
    partial: '#f2c65c',
    wrong: '#ff9b85',
    markBg: '#6b4f00',
    markFg: '#ffffff',
  },
} as const;

/** Device colours for the device map (background; text uses the scheme's fg/markFg). */
export const DEVICE_COLOURS = {
  light: ['#ffe28a', '#b9e4c9', '#c9d8ff', '#ffc9c0', '#e3cdf5', '#bfe8ec', '#f5d0b0', '#dcdcdc'],
  dark: ['#6b4f00', '#1e5631', '#24407a', '#7a2a1f', '#4f2a6e', '#1c5660', '#6e3f14', '#444444'],
} as const;

const l = PALETTE.light;
const d = PALETTE.dark;
/** Our own constants (not user input), so unsafeCSS is safe here. */
const v = (s: string) => unsafeCSS(s);

export const tokens = css`
  :host {
    --pr-bg: ${v(l.bg)};
    --pr-fg: ${v(l.fg)};
    --pr-muted: ${v(l.muted)};
    --pr-surface: ${v(l.surface)};
    --pr-accent: ${v(l.accent)};
    --pr-accent-fg: ${v(l.accentFg)};
    --pr-border: ${v(l.border)};
    --pr-focus: ${v(l.focus)};
    --pr-right: ${v(l.right)};
    --pr-partial: ${v(l.partial)};
    --pr-wrong: ${v(l.wrong)};
    --pr-mark-bg: ${v(l.markBg)};
    --pr-mark-fg: ${v(l.markFg)};
    --pr-serif: Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif;
    --pr-sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --pr-radius: 4px;
    --pr-target: 44px;
    color: var(--pr-fg);
    font-family: var(--pr-sans);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --pr-bg: ${v(d.bg)};
      --pr-fg: ${v(d.fg)};
      --pr-muted: ${v(d.muted)};
      --pr-surface: ${v(d.surface)};
      --pr-accent: ${v(d.accent)};
      --pr-accent-fg: ${v(d.accentFg)};
      --pr-border: ${v(d.border)};
      --pr-focus: ${v(d.focus)};
      --pr-right: ${v(d.right)};
      --pr-partial: ${v(d.partial)};
      --pr-wrong: ${v(d.wrong)};
      --pr-mark-bg: ${v(d.markBg)};
      --pr-mark-fg: ${v(d.markFg)};
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--pr-focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--pr-focus);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-height: var(--pr-target);
    min-width: var(--pr-target);
    padding: 0.5rem 1rem;
    border: 2px solid var(--pr-accent);
    border-radius: var(--pr-radius);
    background: var(--pr-bg);
    color: var(--pr-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--pr-accent);
    color: var(--pr-accent-fg);
  }
  button:disabled {
    background: var(--pr-bg);
    border-color: var(--pr-border);
    color: var(--pr-muted);
    cursor: not-allowed;
  }
  a {
    color: var(--pr-accent);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media print {
    button,
    .no-print {
      display: none !important;
    }
  }
`;
