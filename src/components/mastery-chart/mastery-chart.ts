import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lesson } from '../../model/lesson.js';
import type { CategoryMastery } from '../../core/types.js';
import { strings } from '../../ui/strings.js';
import { categoryName } from '../shared/lookup.js';
import { tokens } from '../shared/tokens.styles.js';
import { masteryChartStyles } from './mastery-chart.styles.js';

const ROW = 36;
const LABEL = 220;
const BAR = 300;
const WIDTH = LABEL + BAR + 70;

/**
 * Mastery per device category: an SVG bar chart (one image with a title and a description that
 * lists every value) followed by the same numbers as a table.
 */
@customElement('pr-mastery-chart')
export class PrMasteryChart extends LitElement {
  static override styles = [tokens, masteryChartStyles];

  @property({ attribute: false }) lesson!: Lesson;
  @property({ attribute: false }) rows: CategoryMastery[] = [];

  protected override render() {
    if (!this.lesson || this.rows.length === 0) return nothing;
    const r = strings.results;
    const named = this.rows.map((m) => ({ ...m, name: categoryName(this.lesson, m.category) }));
    const desc = r.masteryChartDesc(named.map((m) => r.masteryRow(m.name, m.score, m.answered, m.total)));
    const height = named.length * ROW + 8;
    return html`<figure class="chart">
        <svg
          role="img"
          aria-labelledby="chart-title chart-desc"
          viewBox="0 0 ${WIDTH} ${height}"
          preserveAspectRatio="xMinYMin meet"
          data-testid="mastery-svg"
        >
          <title id="chart-title">${r.masteryChartTitle}</title>
          <desc id="chart-desc">${desc}</desc>
          ${named.map((m, i) => {
            const y = i * ROW + 4;
            const w = Math.max(0, Math.min(1, m.score)) * BAR;
            return svg`<g class="row">
              <text class="label" x="${LABEL - 8}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="middle">${m.name}</text>
              <rect class="track" x="${LABEL}" y="${y + 6}" width="${BAR}" height="${ROW - 12}" rx="3"></rect>
              <rect class="bar" x="${LABEL}" y="${y + 6}" width="${w}" height="${ROW - 12}" rx="3" data-category="${m.category}"></rect>
              <text class="value" x="${LABEL + BAR + 8}" y="${y + ROW / 2}" dominant-baseline="middle">${r.percent(m.score)}</text>
            </g>`;
          })}
        </svg>
      </figure>
      <table data-testid="mastery-table">
        <caption>${r.masteryChartTitle}</caption>
        <thead>
          <tr>
            <th scope="col">${r.category}</th>
            <th scope="col">${r.masteryScore}</th>
            <th scope="col">${r.questionsDone}</th>
          </tr>
        </thead>
        <tbody>
          ${named.map(
            (m) => html`<tr data-category=${m.category}>
              <th scope="row">${m.name}</th>
              <td>${r.percent(m.score)}</td>
              <td>${r.of(m.answered, m.total)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-mastery-chart': PrMasteryChart;
  }
}
