/**
 * A lesson as read from disk, before validation: the parsed YAML of each file (plain data, no
 * line numbers) and the source text. The packager's loader builds it; `validate` and `compile`
 * read it. Pure data so that validation can run anywhere (tests build it in memory).
 */

/** One parsed YAML file. `file` is the path shown to the author. */
export interface RawFile {
  file: string;
  data: unknown;
}

export interface RawLesson {
  /** The lesson folder as shown to the author, e.g. `lessons/heroes-1988`. */
  dir: string;
  /** The folder's own name: the lesson id must equal it. */
  folderName: string;
  lesson?: RawFile;
  taxonomy?: RawFile;
  glossary?: RawFile;
  history?: RawFile;
  references?: RawFile;
  checks?: RawFile;
  /** segments/*.yaml sorted by file name (reading order). */
  segments: RawFile[];
  source?: { file: string; text: string };
}

/** The files of a lesson folder and whether the format requires them. */
export const LESSON_FILES = {
  lesson: { name: 'lesson.yaml', required: true },
  taxonomy: { name: 'taxonomy.yaml', required: true },
  glossary: { name: 'glossary.yaml', required: false },
  history: { name: 'history.yaml', required: false },
  references: { name: 'references.yaml', required: true },
  checks: { name: 'checks.yaml', required: false },
} as const;

export type LessonFileKey = keyof typeof LESSON_FILES;

export const SOURCE_FILE = 'source.txt';
export const SEGMENTS_DIR = 'segments';
