/**
 * The elements of the pages that ask questions: the five question types and the check and
 * synthesis pages. The app loads them as one chunk when a page with questions is first opened
 * (src/app/lazy/questions.ts); the reader renders them by tag and they upgrade on arrival.
 */
import './single-choice/single-choice.js';
import './multiple-choice/multiple-choice.js';
import './match/match.js';
import './highlight/highlight.js';
import './reflection/reflection.js';
import './check-page/check-page.js';
import './synthesis/synthesis.js';
