/** Chunk `app-questions.js`: loaded when a page with questions is first opened. */
import '../../components/question-elements.js';
