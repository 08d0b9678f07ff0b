import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Id, Lesson } from '../../model/lesson.js';
import { strings } from '../../ui/strings.js';
import { deviceName } from '../shared/lookup.js';
import { tokens } from '../shared/tokens.styles.js';
import { deviceSpans, mapDevices, pieces, type DeviceSpan } from './device-spans.js';
import { deviceMapStyles, DEVICE_SLOTS } from './device-map.styles.js';

/**
 * The whole talk with the passages the questions are about marked by device. Colour is never
 * the only cue: each marked passage ends with the number(s) of its device(s) from the key, and a
 * screen reader hears the device names there. The key doubles as a filter (one checkbox each).
 */
@customElement('pr-device-map')
export class PrDeviceMap extends LitElement {
  static override styles = [tokens, deviceMapStyles];

  @property({ attribute: false }) lesson!: Lesson;
  /** Devices the student has unticked. */
  @state() hiddenDevices: ReadonlySet<Id> = new Set();

  private spansOf: Lesson | undefined;
  private spans: DeviceSpan[] = [];
  private devices: Id[] = [];

  protected override willUpdate(): void {
    if (this.lesson !== this.spansOf) {
      this.spansOf = this.lesson;
      this.spans = this.lesson ? deviceSpans(this.lesson) : [];
      this.devices = this.lesson ? mapDevices(this.lesson, this.spans) : [];
    }
  }

  /** Show or hide a device's passages. */
  setDeviceVisible(device: Id, visible: boolean): void {
    const next = new Set(this.hiddenDevices);
    if (visible) next.delete(device);
    else next.add(device);
    this.hiddenDevices = next;
  }

  private number(device: Id): number {
    return this.devices.indexOf(device) + 1;
  }

  private colourSlot(device: Id): number {
    return (this.number(device) - 1) % DEVICE_SLOTS;
  }

  private renderParagraph(segment: Id, text: string, paragraph: number): TemplateResult {
    const spans = this.spans.filter(
      (s) => s.segment === segment && s.paragraph === paragraph && !this.hiddenDevices.has(s.device),
    );
    if (spans.length === 0) return html`<p>${text}</p>`;
    return html`<p>
      ${pieces(text, spans).map((p) => {
        const body = p.devices.length
          ? html`<mark class="dev dev-${this.colourSlot(p.devices[0]!)}" data-devices=${p.devices.join(' ')}>${p.text}</mark>`
          : p.text;
        if (!p.ends.length) return body;
        const nums = p.ends.map((d) => this.number(d)).join(',');
        const names = p.ends.map((d) => deviceName(this.lesson, d)).join(', ');
        return html`${body}<sup class="ref" data-testid="ref"
            ><span aria-hidden="true">${nums}</span><span class="visually-hidden"> (${names})</span></sup
          >`;
      })}
    </p>`;
  }

  protected override render() {
    const l = this.lesson;
    if (!l) return nothing;
    return html`<p class="intro">${strings.results.deviceMapIntro}</p>
      <fieldset class="legend no-print" data-testid="device-filter">
        <legend>${strings.results.legend}</legend>
        <ul>
          ${this.devices.map(
            (d) => html`<li>
              <label>
                <input
                  type="checkbox"
                  data-testid="filter-${d}"
                  .checked=${!this.hiddenDevices.has(d)}
                  @change=${(e: Event) => this.setDeviceVisible(d, (e.target as HTMLInputElement).checked)}
                />
                <span class="swatch dev-${this.colourSlot(d)}" aria-hidden="true">${this.number(d)}</span>
                <span class="visually-hidden">${this.number(d)}:</span> ${deviceName(l, d)}
              </label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <div class="text" lang=${l.language} data-testid="device-map-text">
        ${l.segments.map(
          (s) => html`<section aria-labelledby="map-${s.id}">
            <h4 id="map-${s.id}">${strings.pages.segmentHeading(s.number, s.title)}</h4>
            ${s.paragraphs.map((t, p) => this.renderParagraph(s.id, t, p))}
          </section>`,
        )}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-device-map': PrDeviceMap;
  }
}
