/** Every element of the reader, defined at once (tests, and pages that want no lazy loading). */
import './reader/reader.js';
import './question-elements.js';
import './results/results.js';
