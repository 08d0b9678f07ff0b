/** Chunk `app-results.js`: loaded when the results page is first opened. */
import '../../components/results/results.js';
