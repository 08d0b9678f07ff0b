/**
 * The colours the elements use meet WCAG 2.2 contrast in both schemes: text 4.5:1 against every
 * background it sits on, focus outlines and control borders 3:1.
 */
import { describe, expect, it } from 'vitest';
import { DEVICE_COLOURS, PALETTE } from '../../src/components/shared/tokens.styles.js';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.each(['light', 'dark'] as const)('%s scheme', (scheme) => {
  const p = PALETTE[scheme];
  const backgrounds = { bg: p.bg, surface: p.surface };

  it.each(['fg', 'muted', 'accent', 'right', 'partial', 'wrong'] as const)('%s text is ≥ 4.5:1 on page and surface', (fg) => {
    for (const bg of Object.values(backgrounds)) expect(contrast(p[fg], bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('button text on the accent, and marked words, are ≥ 4.5:1', () => {
    expect(contrast(p.accentFg, p.accent)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.markFg, p.markBg)).toBeGreaterThanOrEqual(4.5);
  });

  it('focus outline and borders are ≥ 3:1 against the page, the surface and a marked word', () => {
    for (const bg of [p.bg, p.surface, p.markBg]) expect(contrast(p.focus, bg)).toBeGreaterThanOrEqual(3);
    for (const bg of [p.bg, p.surface]) expect(contrast(p.border, bg)).toBeGreaterThanOrEqual(3);
  });

  it('device-map text is ≥ 4.5:1 on every device colour', () => {
    for (const c of DEVICE_COLOURS[scheme]) expect(contrast(p.markFg, c)).toBeGreaterThanOrEqual(4.5);
  });
});
