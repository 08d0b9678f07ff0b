/**
 * Every string the student sees, in one typed object (English). Components never write UI text
 * inline: they read it from here, so a translation is one new object of type `UiStrings`.
 * Counted phrases are functions so plural forms and number formats live with the words.
 */

/** "1 word" / "3 words". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 0..1 → "67%". */
function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export const en = {
  lang: 'en',
  app: {
    noLesson:
      'The lesson could not be loaded: lesson.js is missing or damaged. Ask your instructor to re-upload the package.',
    startFailed: (why: string) => `The lesson could not start: ${why}`,
    codeLoadFailed: (what: string) =>
      `Part of the lesson (${what}) could not be loaded. Check your connection, then try again. Nothing you have done is lost.`,
    tryAgain: 'Try again',
    pageLoadFailed: (title: string) =>
      `The page “${title}” could not be loaded. Check your connection and try again; your answers so far are kept.`,
    codecNotice: {
      corrupt:
        'Your saved progress could not be read, so the lesson starts afresh. Nothing you do now will be lost.',
      foreign: 'The saved progress belongs to a different lesson, so this lesson starts afresh.',
      outdated:
        'The lesson has changed since you last worked on it, so your earlier answers could not be kept. The lesson starts afresh.',
      migrated: 'The lesson has been updated; your earlier answers were carried over.',
    },
    /** What the tracker's notices say to the student, by reason (see runtime/tracker.ts). */
    trackerNotice: {
      'no-lms':
        'No connection to the course could be opened. Your work is kept in this browser and will be sent the next time you open the lesson here.',
      refused:
        'The course is not accepting your progress right now. Your work is kept in this browser and will be sent the next time you open the lesson here.',
      'refused-no-storage':
        'The course is not accepting your progress, and this browser cannot keep a copy. Please keep this page open and tell your instructor.',
      'too-long':
        'Your saved work is longer than this course can store. It is kept in this browser; please tell your instructor.',
      replayed: 'Work saved in this browser during an earlier visit has now been sent to the course.',
      'state-reset': 'The progress stored by the course could not be used, so the lesson starts afresh.',
    },
    resumed: (page: string) => `Welcome back. You are on: ${page}.`,
    complete: (score: number | null) =>
      score === null
        ? 'You have finished every question in the lesson.'
        : `You have finished every question in the lesson. Your score is ${score}%.`,
  },
  reader: {
    sourceLine: (author: string, title: string, date: string) => `${author}, “${title}”, ${date}`,
    learner: (name: string) => `Signed in as ${name}`,
    skipToPage: 'Skip to the page',
    contents: 'Contents',
    previous: 'Previous',
    next: 'Next',
    previousPage: (title: string) => `Previous: ${title}`,
    nextPage: (title: string) => `Next: ${title}`,
    pageNav: 'Pages',
    pageOf: (n: number, total: number) => `Page ${n} of ${total}`,
    reviewBanner:
      'Review mode: your answers are shown as they were saved, with feedback. Nothing can be changed.',
    browseBanner: 'Browse mode: you can read the lesson and its feedback; nothing is recorded or can be changed.',
    dismiss: 'Dismiss',
    dismissNotice: (message: string) => `Dismiss notice: ${message}`,
    notices: 'Notices',
    progressLabel: 'Pages done',
    pagesDone: (n: number, total: number) => `${n} of ${total} pages done`,
    questionsAnswered: (n: number, total: number) => `${n} of ${total} questions answered`,
    scoreSoFar: (score: number | null) => (score === null ? 'No score yet' : `Score so far: ${score}%`),
  },
  status: {
    'not-started': 'Not started',
    'in-progress': 'In progress',
    done: 'Done',
  },
  pages: {
    intro: 'Introduction',
    pre: 'Before you read: a short check',
    post: 'After reading: the check again',
    synthesis: 'Putting it together',
    results: 'Your results',
    segment: (n: number, title: string) => `${n}. ${title}`,
    segmentHeading: (n: number, title: string) => `Part ${n}: ${title}`,
  },
  intro: {
    contentNote: 'Content note',
    objectives: 'What you will learn',
    howItWorks: 'How the lesson works',
    howItWorksItems: (minutes: number) => [
      `The lesson takes about ${minutes} minutes. You can stop at any time: your place and your answers are kept.`,
      'The talk is shown in parts. Read each part, then answer its questions. Words with a dotted underline are explained in a glossary: select them to see the definition. Numbered notes mark where the text was corrected.',
      'Each question gives you a set number of tries. After your last try, the right answer and an explanation quoting the text are shown, and the question is locked.',
      'In questions that ask you to mark words, use the arrow keys to move between words and Space to mark one; hold Shift with an arrow key to mark several. With a mouse or a finger, select or drag across words.',
      'Short checks before and after the reading are not scored: they show you what you have learned. Written reflections are read by your instructor.',
    ],
    start: 'Start the lesson',
    estimated: (minutes: number) => `About ${minutes} minutes`,
  },
  segment: {
    orientation: 'What this part does',
    context: 'Context',
    text: 'The text',
    notes: "Editor's notes",
    noteRef: (n: number) => `Editor's note ${n}`,
    backToText: (n: number) => `Back to the text at note ${n}`,
    noteSource: (source: string) => `The source has: “${source}”.`,
    noteLesson: (lesson: string) => (lesson === '' ? 'The lesson omits it.' : `The lesson shows: “${lesson}”.`),
    headingNotes: "Notes on the heading and the appendix",
    history: 'History and context',
    sources: 'Sources',
    questions: 'Questions',
    noQuestions: 'This part has no questions. Read it, then go on.',
    glossaryDefinition: (term: string) => `Definition of ${term}`,
    glossaryHint: 'Press Escape to close.',
    appendix: 'Set apart from the talk',
  },
  checkPage: {
    preIntro:
      'Before you read the talk, try these questions on short passages from it. They are not scored: they show you what you already notice. You will meet the same skills again at the end.',
    postIntro:
      'Now that you have read the talk, try these questions on other passages. They are not scored; your results page compares them with your first check.',
    passage: 'Passage',
    question: (n: number) => `Item ${n}`,
  },
  synthesis: {
    intro:
      'To finish, step back from the details and write about the talk as a whole. Your instructor reads and grades these reflections.',
    toResults: 'See your results',
  },
  question: {
    heading: (n: number, total: number) => `Question ${n} of ${total}`,
    check: 'Check',
    submit: 'Submit',
    tries: (attempt: number, tries: number) => `Try ${attempt} of ${tries}`,
    triesLeft: (n: number) => (n === 1 ? 'You have 1 try left.' : `You have ${n} tries left.`),
    locked: 'This question is finished.',
    readOnly: 'Shown for review; it cannot be changed.',
    result: {
      correct: 'Right.',
      partial: 'Partly right.',
      wrong: 'Not right.',
      submitted: 'Submitted.',
    },
    notAnswered: 'Not answered.',
    explanation: 'Why',
    correctAnswer: 'The answer',
    yourAnswer: 'Your answer',
    chooseFirst: 'Choose an answer, then select Check.',
    cannotCheck: 'This answer cannot be checked. Change it and try again.',
    optionsLabel: 'Options',
    aboutYourChoice: 'About your choice',
    shouldApply: 'Applies',
    shouldNotApply: 'Does not apply',
    optionVerdict: (applies: boolean, right: boolean) =>
      `${applies ? 'Applies' : 'Does not apply'}; your choice was ${right ? 'right' : 'not right'}.`,
  },
  match: {
    quotation: (n: number) => `Quotation ${n}`,
    device: 'Device',
    choose: 'Choose a device',
    chooseAll: 'Choose a device for every quotation, then select Check.',
    chooseFor: (n: number) => `Device for quotation ${n}`,
    correctDevice: (name: string) => `Key: ${name}`,
    pairVerdict: (right: boolean) => (right ? 'Your match is right.' : 'Your match is not right.'),
    answered: (n: number, total: number) => `${n} of ${total} quotations matched`,
  },
  highlight: {
    instructions:
      'Mark the words that carry the device. Keyboard: arrow keys move between words, Space or Enter marks or unmarks a word, Shift with an arrow key marks the next word too, Home and End go to the first and last word. Mouse or touch: select a word, or drag across words.',
    gridLabel: (device: string) => `Words of the text: mark the words that carry ${device}`,
    wordLabel: (word: string, marked: boolean, key: boolean) =>
      `${word}${marked ? ', marked' : ''}${key ? ', in the answer' : ''}`,
    marked: (n: number) => `${count(n, 'word', 'words')} marked`,
    clear: 'Clear marks',
    markFirst: 'Mark at least one word, then select Check.',
    keyIntro: 'The words that carry it:',
    keyLegend: 'Underlined words are the answer.',
    scores: (s: { precision: number; recall: number; f1: number }, marked: number, keyTotal: number) =>
      [
        `Of the ${count(marked, 'word', 'words')} you marked, ${percent(s.precision)} are in the answer (precision).`,
        `You found ${percent(s.recall)} of the ${count(keyTotal, 'word', 'words')} in the answer (recall).`,
        `Overall match (F1): ${percent(s.f1)}.`,
      ].join(' '),
  },
  reflection: {
    rubric: 'How it is graded',
    steps: 'Steps to follow',
    label: 'Your answer',
    counter: (n: number, max: number) => `${n} of ${max} characters`,
    nearLimit: (left: number) => (left === 0 ? 'Character limit reached.' : `${count(left, 'character', 'characters')} left.`),
    tooLong: (over: number) => `${count(over, 'character', 'characters')} over the limit.`,
    costNote:
      'Curly quotes, dashes and accented letters count as 2 characters, other letters outside English as 3: that is what they take up in the saved data.',
    needMore: (more: number) => `${count(more, 'more character', 'more characters')} needed to submit.`,
    submitted: 'Submitted. Your instructor will read it.',
    canRevise: (left: number) =>
      left === 1 ? 'You can revise it and submit once more.' : `You can revise it and submit ${left} more times.`,
    draftKept: 'Your draft is kept as you type.',
  },
  results: {
    heading: 'Your results',
    score: 'Score',
    scoreFinal: (score: number, passing: number, passed: boolean) =>
      `Your score is ${score}%. The passing score is ${passing}%: ${passed ? 'you passed' : 'you have not passed'}.`,
    scoreSoFar: (score: number | null, answered: number, total: number, passing: number) =>
      `${score === null ? 'No scored question is finished yet.' : `Your score so far is ${score}%,`} ` +
      `${answered} of ${total} questions answered. The passing score is ${passing}%.`,
    checks: 'Before and after',
    checkScore: (label: string, score: number | null) =>
      `${label}: ${score === null ? 'not finished' : percent(score)}`,
    preLabel: 'First check, before reading',
    postLabel: 'Second check, after reading',
    gain: (gain: number | null) =>
      gain === null
        ? 'Finish both checks to see how much you gained.'
        : `Gain: ${gain >= 0 ? '+' : '−'}${Math.round(Math.abs(gain) * 100)} percentage points.`,
    discriminationHeading: 'Telling technique from plain statement',
    discrimination: (pre: number | null, post: number | null, change: number | null) =>
      `Discrimination (d′): before ${pre === null ? 'not available' : pre.toFixed(2)}, after ${
        post === null ? 'not available' : post.toFixed(2)
      }${change === null ? '' : ` (change ${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(2)})`}.`,
    discriminationExplained:
      'Discrimination (d′) measures how well you told passages that use a technique from passages that do not: 0 is guessing and higher is better, so it rises only when your judgement improves, not when you simply call everything propaganda.',
    discriminationUnavailable:
      'Discrimination needs finished items both with and without a technique in a check, so it is not available here.',
    mastery: 'Devices you can recognise, by category',
    masteryChartTitle: 'Mastery by device category',
    masteryChartDesc: (rows: string[]) => `Bar chart. ${rows.join('; ')}.`,
    masteryRow: (name: string, score: number, answered: number, total: number) =>
      `${name}: ${percent(score)} (${answered} of ${total} questions)`,
    category: 'Category',
    masteryScore: 'Mastery',
    questionsDone: 'Questions finished',
    of: (a: number, b: number) => `${a} of ${b}`,
    percent,
    deviceMap: 'Device map of the whole talk',
    deviceMapIntro:
      'The passages the questions are about, marked by device. Numbers after a passage name its devices, as in the key. Untick a device to hide it.',
    legend: 'Key and filter',
    answers: 'Your answers',
    reflections: 'Your reflections',
    noReflection: 'Not written yet.',
    print: 'Print your work',
    printHint: 'Prints your answers, reflections and results, without the navigation.',
    notAnswered: 'Not answered',
    resultWord: { correct: 'right', partial: 'partly right', wrong: 'not right', submitted: 'submitted' },
  },
} as const;

/** The shape every language object must have (same keys; strings or functions in the same places). */
type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => Widen<R>
  : T extends string
    ? string
    : T extends readonly (infer E)[]
      ? readonly Widen<E>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

export type UiStrings = Widen<typeof en>;

/** The strings in use. One language for now; components import this name only. */
export const strings: UiStrings = en;
