import { css } from 'lit';

export const masteryChartStyles = css`
  :host {
    display: block;
  }
  .chart {
    margin: 0 0 1rem;
    max-width: 40rem;
  }
  svg {
    width: 100%;
    height: auto;
    font-family: var(--pr-sans);
    font-size: 15px;
  }
  .label,
  .value {
    fill: var(--pr-fg);
  }
  .track {
    fill: var(--pr-surface);
    stroke: var(--pr-border);
  }
  .bar {
    fill: var(--pr-accent);
  }
  table {
    border-collapse: collapse;
    margin: 0.5rem 0;
    width: 100%;
    max-width: 34rem;
    /* Small enough that the three columns fit a 320 px screen. */
    font-size: 0.9rem;
  }
  caption {
    text-align: left;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem 0.5rem 0.4rem 0;
    border-bottom: 1px solid var(--pr-border);
  }
  td {
    font-variant-numeric: tabular-nums;
  }
  @media print {
    .bar {
      fill: #000;
    }
  }
`;
