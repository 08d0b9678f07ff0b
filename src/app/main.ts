/**
 * The entry of app.js: an IIFE bundle (dist has only classic scripts, so it runs from file:// and
 * inside any LMS frame). It exports nothing and has no top-level await (IIFE output cannot hold
 * one); it starts the app once the document is parsed (index.html loads it with `defer`, but a
 * plain <script> in <head> works too).
 */
import { boot } from './boot.js';

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot(), { once: true });
  else void boot();
}
