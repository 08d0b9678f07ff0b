/**
 * What the student sees when code the lesson needs could not be loaded even after the quiet tries
 * (persist.ts): an alert at the top of the page with a button to try again. Plain DOM in the light
 * tree, styled by base.css: the reader's own code may be what is missing.
 */
import { strings } from '../ui/strings.js';

export const LOAD_FAILURE_CLASS = 'pr-load-failure';

/** The alert showing in a document, and the answer every caller waits for: several loads may
 * fail together (a page's content and its code), and one press tries them all again. */
const showing = new WeakMap<Document, Promise<void>>();

/** Shows the alert; resolves, with the alert gone, when the student presses the button. The
 * button takes the focus: until the code arrives there is nothing else on the page to do. */
export function askToRetry(doc: Document, what: string): Promise<void> {
  const shown = showing.get(doc);
  if (shown) return shown;
  const box = doc.createElement('div');
  box.className = LOAD_FAILURE_CLASS;
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'load-failure';
  const message = doc.createElement('p');
  message.textContent = strings.app.codeLoadFailed(what);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = strings.app.tryAgain;
  box.append(message, button);
  doc.body.prepend(box);
  button.focus();
  const answered = new Promise<void>((resolve) => {
    button.addEventListener(
      'click',
      () => {
        showing.delete(doc);
        box.remove();
        resolve();
      },
      { once: true },
    );
  });
  showing.set(doc, answered);
  return answered;
}
