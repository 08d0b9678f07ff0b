// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { html, render } from 'lit';
import { plain, rich } from '../../src/components/shared/rich.js';

afterEach(() => document.body.replaceChildren());

function host(): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  return el;
}

const show = (el: HTMLElement, value: string | undefined) => render(html`<div class="box">${rich(value)}</div>`, el);
const box = (el: HTMLElement) => el.querySelector('.box')!;

describe('rich(): lesson HTML as DOM', () => {
  it('inserts the HTML as elements, and plain text as text', () => {
    const el = host();
    show(el, '<p>Read <em>this</em> &amp; that.</p>');
    expect(box(el).innerHTML.replace(/<!--[^>]*-->/g, '')).toBe('<p>Read <em>this</em> &amp; that.</p>');
    show(el, 'Just words');
    expect(box(el).textContent).toBe('Just words');
    expect(box(el).querySelector('p')).toBeNull();
    show(el, undefined);
    expect(box(el).textContent).toBe('');
  });

  it('never runs script in the HTML', () => {
    const el = host();
    const w = window as unknown as { ran?: boolean };
    show(el, '<p>Hi</p><script>window.ran = true</script><img src="x" onerror="window.ran = true">');
    expect(w.ran).toBeUndefined();
  });

  it('keeps the elements shown when the next HTML has the same tags and attributes, changing only their text', () => {
    const el = host();
    show(el, '<p>One <strong>bold</strong> claim.</p>');
    const p = box(el).querySelector('p')!;
    const strong = box(el).querySelector('strong')!;
    show(el, '<p>Another <strong>strong</strong> claim &quot;here&quot;.</p>');
    expect(box(el).querySelector('p')).toBe(p);
    expect(box(el).querySelector('strong')).toBe(strong);
    expect(plain(box(el).innerHTML)).toBe('Another strong claim "here".');
  });

  it('builds new elements when the tags or attributes differ', () => {
    const el = host();
    show(el, '<p>One <a href="#a">link</a>.</p>');
    const link = box(el).querySelector('a')!;
    show(el, '<p>One <a href="#b">link</a>.</p>');
    expect(box(el).querySelector('a')).not.toBe(link);
    expect(box(el).querySelector('a')!.getAttribute('href')).toBe('#b');
    show(el, '<p>Two</p><p>paragraphs</p>');
    expect([...box(el).querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Two', 'paragraphs']);
    show(el, '<ul><li>A list</li></ul>');
    expect(box(el).querySelectorAll('p')).toHaveLength(0);
    expect(box(el).querySelector('li')!.textContent).toBe('A list');
  });
});
