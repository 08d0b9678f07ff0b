/**
 * The preview host's side panel: the live API call log, the CMI table and the session summary.
 * Plain DOM (the host is a tool page, not part of the package); text goes in through textContent
 * only, so whatever a package writes to the LMS is shown, never interpreted.
 */
import { abbreviate, flattenCmi, SUSPEND_DATA_LIMIT, type CmiTree, type ScormVersion, type StoredAttempt } from './cmi.js';
import type { ApiCall, LmsState } from './lms.js';

/** Rows kept in the log; older ones are dropped (a long session makes thousands of calls). */
export const LOG_LIMIT = 1000;

const ERROR_QUERY = /Get(LastError|ErrorString|Diagnostic)$/;

function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

function hidden(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'visually-hidden';
  span.textContent = text;
  return span;
}

/** Batches DOM work to one update per animation frame, however many calls a frame makes. */
function perFrame(work: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      work();
    });
  };
}

export class CallLog {
  private queue: (ApiCall | string)[] = [];
  private hideErrorQueries = false;
  private readonly flush = perFrame(() => this.render());

  constructor(private readonly body: HTMLTableSectionElement) {}

  add(call: ApiCall): void {
    this.queue.push(call);
    this.flush();
  }

  /** A full-width line between sessions ("Launched as resume …"). */
  separator(text: string): void {
    this.queue.push(text);
    this.flush();
  }

  clear(): void {
    this.queue = [];
    this.body.replaceChildren();
  }

  setHideErrorQueries(hide: boolean): void {
    this.hideErrorQueries = hide;
    for (const row of Array.from(this.body.rows)) row.hidden = hide && row.dataset.errorQuery === 'true';
  }

  private render(): void {
    const fragment = document.createDocumentFragment();
    // Newest first: the latest call is always in view without scrolling.
    for (const item of this.queue.reverse()) fragment.append(typeof item === 'string' ? this.separatorRow(item) : this.row(item));
    this.queue = [];
    this.body.prepend(fragment);
    while (this.body.rows.length > LOG_LIMIT) this.body.deleteRow(-1);
  }

  private separatorRow(text: string): HTMLTableRowElement {
    const row = document.createElement('tr');
    row.className = 'separator';
    const th = document.createElement('th');
    th.scope = 'row';
    th.colSpan = 5;
    th.textContent = text;
    row.append(th);
    return row;
  }

  private row(call: ApiCall): HTMLTableRowElement {
    const row = document.createElement('tr');
    const failed = call.returned === 'false' || (call.error !== '0' && !ERROR_QUERY.test(call.method));
    if (failed) row.className = 'failed';
    else if (call.note) row.className = 'noted';
    if (ERROR_QUERY.test(call.method)) {
      row.dataset.errorQuery = 'true';
      row.hidden = this.hideErrorQueries;
    }
    cell(row, String(call.seq));
    cell(row, `${Math.round(call.at)} ms`);
    // The call as code reads it: LMSSetValue("cmi.suspend_data", "…"). Compact enough for a
    // side panel, and exactly what an author would search the package's source for.
    const what = row.insertCell();
    const method = document.createElement('span');
    method.className = 'method';
    method.textContent = call.method;
    const args = [call.element, call.value].filter((a): a is string => a !== null);
    what.append(method, `(${args.map((a) => JSON.stringify(abbreviate(a))).join(', ')})`);
    if (call.duration >= 5 || call.note) {
      const note = document.createElement('span');
      note.className = 'note';
      note.textContent = [call.duration >= 5 ? `took ${Math.round(call.duration)} ms` : '', call.note ?? ''].filter(Boolean).join('; ');
      what.append(note);
    }
    cell(row, JSON.stringify(abbreviate(call.returned)));
    const error = cell(row, call.error);
    if (failed && call.error !== '0') error.prepend(hidden('error '));
    return row;
  }
}

export class CmiTable {
  private previous = new Map<string, string>();
  private source: (() => CmiTree) | null = null;
  private version: ScormVersion = '1.2';
  private readonly flush = perFrame(() => this.render());

  constructor(private readonly body: HTMLTableSectionElement) {}

  /** Shows another session's data from now on (changes are highlighted against its start). */
  watch(version: ScormVersion, source: () => CmiTree): void {
    this.version = version;
    this.source = source;
    this.previous = new Map();
    this.render();
  }

  refresh(): void {
    this.flush();
  }

  private render(): void {
    if (!this.source) return;
    const rows = flattenCmi(this.source());
    const first = this.previous.size === 0;
    const fragment = document.createDocumentFragment();
    for (const [element, value] of rows) {
      const row = document.createElement('tr');
      const changed = !first && this.previous.get(element) !== value;
      if (changed) row.className = 'changed';
      const name = cell(row, element);
      if (changed) name.append(hidden(' (changed)'));
      const td = cell(row, value);
      if (element === 'cmi.suspend_data') {
        const limit = SUSPEND_DATA_LIMIT[this.version];
        const size = document.createElement('span');
        size.className = value.length > limit ? 'note over' : 'note';
        size.textContent = `${value.length} of ${limit} characters${value.length > limit ? ': over the SCORM limit' : ''}`;
        td.prepend(size);
      }
      fragment.append(row);
    }
    this.previous = new Map(rows);
    this.body.replaceChildren(fragment);
  }
}

export interface SessionSummary {
  packagePath: string;
  packageSource: string;
  version: ScormVersion;
  launch: string;
  state: LmsState;
  stored: StoredAttempt | null;
  warnings: string[];
}

const STATE_TEXT: Record<LmsState, string> = {
  'not-initialized': 'waiting for Initialize',
  running: 'session open',
  terminated: 'session finished',
};

export function renderSession(dl: HTMLDListElement, s: SessionSummary): void {
  const items: [string, Node | string][] = [];
  const link = document.createElement('a');
  link.href = s.packagePath;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = `${s.packagePath} (${s.packageSource})`;
  items.push(['Package', link]);
  items.push(['SCORM', s.version]);
  items.push(['Launch', s.launch]);
  items.push(['LMS', STATE_TEXT[s.state]]);
  if (s.stored) {
    const suspend = typeof s.stored.cmi.suspend_data === 'string' ? s.stored.cmi.suspend_data.length : 0;
    items.push(['Stored', `${new Date(s.stored.savedAt).toLocaleTimeString()}; suspend data ${suspend} of ${SUSPEND_DATA_LIMIT[s.version]} characters`]);
  } else {
    items.push(['Stored', 'nothing yet']);
  }
  for (const warning of s.warnings) items.push(['Note', warning]);
  const fragment = document.createDocumentFragment();
  for (const [term, description] of items) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.append(description);
    if (term === 'Note') dd.className = 'warn';
    fragment.append(dt, dd);
  }
  dl.replaceChildren(fragment);
}
