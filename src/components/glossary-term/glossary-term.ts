import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Html } from '../../model/lesson.js';
import { strings } from '../../ui/strings.js';
import { rich } from '../shared/rich.js';
import { tokens } from '../shared/tokens.styles.js';
import { glossaryTermStyles } from './glossary-term.styles.js';

/**
 * A glossary term marked in the text: a button that shows or hides its definition right after
 * it (a disclosure: aria-expanded, aria-controls). Escape closes it and returns focus to the term.
 * The term's text is the button's label, so the sentence still reads naturally.
 */
@customElement('pr-glossary-term')
export class PrGlossaryTerm extends LitElement {
  static override styles = [tokens, glossaryTermStyles];

  /** The words as they appear in the text. */
  @property() term = '';
  /** The glossary's headword (for the definition's label). */
  @property() headword = '';
  @property({ attribute: false }) definition: Html = '';
  /** Citations the definition rests on. */
  @property({ attribute: false }) sources: string[] = [];
  @property({ type: Boolean, reflect: true }) open = false;

  private focusButtonOnUpdate = false;

  toggle(force?: boolean): void {
    this.open = force ?? !this.open;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      e.stopPropagation();
      this.open = false;
      this.focusButtonOnUpdate = true;
    }
  }

  protected override updated(): void {
    if (this.focusButtonOnUpdate) {
      this.focusButtonOnUpdate = false;
      this.renderRoot.querySelector('button')?.focus();
    }
  }

  protected override render() {
    const name = this.headword || this.term;
    return html`<span class="wrap" @keydown=${this.onKeyDown}
      ><button
        class="term"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="definition"
        data-testid="glossary-button"
        @click=${() => this.toggle()}
      >${this.term}</button
      ><span
        id="definition"
        class="definition"
        role="note"
        aria-label=${strings.segment.glossaryDefinition(name)}
        data-testid="glossary-definition"
        ?hidden=${!this.open}
        ><strong class="headword">${name}</strong>${rich(this.definition)}${this.sources.length
          ? html`<span class="sources">${strings.segment.sources}: ${this.sources.join('; ')}</span>`
          : nothing}<span class="hint">${strings.segment.glossaryHint}</span></span
      ></span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-glossary-term': PrGlossaryTerm;
  }
}
