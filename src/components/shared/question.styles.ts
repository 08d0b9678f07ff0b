/** Styles shared by the question elements (they extend PrQuestionBase). */
import { css } from 'lit';

export const questionStyles = css`
  :host {
    display: block;
    margin: 1.5rem 0;
    /* Questions sit below the text: while one is far from the viewport the browser skips its
       style and layout (a highlight question alone holds a whole segment's words), and does that
       work as it scrolls near. Its content stays in the accessibility tree, in find-in-page and in
       the tab order. The size kept for a skipped question is the one it last had; before it was
       ever laid out, a guess (a question type with a taller answer area guesses higher). */
    content-visibility: auto;
    contain-intrinsic-size: auto 30rem;
  }
  .question {
    border: 1px solid var(--pr-border);
    border-radius: var(--pr-radius);
    padding: 1rem;
    background: var(--pr-bg);
  }
  .q-heading {
    margin: 0 0 0.5rem;
    font-size: 1rem;
    color: var(--pr-muted);
  }
  .prompt {
    font-size: 1.05rem;
    line-height: 1.5;
  }
  .prompt > :first-child {
    margin-top: 0;
  }
  .passage {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    background: var(--pr-surface);
    border-left: 4px solid var(--pr-border);
  }
  .passage blockquote {
    margin: 0;
    font-family: var(--pr-serif);
    line-height: 1.6;
  }
  .passage figcaption {
    margin-top: 0.5rem;
    font-size: 0.9rem;
    color: var(--pr-muted);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-height: var(--pr-target);
    padding: 0.6rem 0.5rem;
    border-radius: var(--pr-radius);
    cursor: pointer;
  }
  .option input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--pr-accent);
  }
  .option-text > :first-child {
    margin-top: 0;
  }
  .option-text > :last-child {
    margin-bottom: 0;
  }
  .option-feedback {
    margin: 0.25rem 0 0.5rem 2.5rem;
    padding-left: 0.75rem;
    border-left: 3px solid var(--pr-border);
    font-size: 0.95rem;
  }
  .tag {
    display: inline-block;
    font-size: 0.85rem;
    font-weight: 600;
    margin-right: 0.5rem;
  }
  .tag.right {
    color: var(--pr-right);
  }
  .tag.wrong {
    color: var(--pr-wrong);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem;
    margin-top: 1rem;
  }
  .tries,
  .finished {
    color: var(--pr-muted);
  }
  .feedback:not(:empty) {
    margin-top: 1rem;
  }
  .result {
    font-weight: 700;
    margin: 0.5rem 0;
  }
  .result .icon {
    margin-right: 0.4rem;
  }
  .result-correct,
  .result-submitted {
    color: var(--pr-right);
  }
  .result-partial {
    color: var(--pr-partial);
  }
  .result-wrong {
    color: var(--pr-wrong);
  }
  .explanation,
  .solution {
    padding: 0.75rem 1rem;
    background: var(--pr-surface);
    border-radius: var(--pr-radius);
    margin: 0.75rem 0;
    line-height: 1.5;
  }
  .label {
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  .hint {
    color: var(--pr-wrong);
  }
  @media print {
    :host {
      content-visibility: visible;
    }
    .question {
      break-inside: avoid;
      border-color: #000;
    }
  }
`;
