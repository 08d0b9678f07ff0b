/**
 * Chunk `app-reader.js`: Lit and the reader with the elements every page uses, loaded once the
 * opening page's text has painted (src/app/first-text.ts). The question types and the results
 * page are imported from here, not from app.js, so that Rollup knows the reader's modules are
 * loaded by then and keeps them out of those chunks.
 */
import '../../components/reader/reader.js';

export const loadQuestions = () => import('./questions.js');
export const loadResults = () => import('./results.js');
