/**
 * How issues are printed: `file:line  field  what is wrong — how to fix it`, one per line, sorted by
 * file and line so an author can work down the list.
 */
import type { Issue } from '../model/issues.js';
import { formatPath } from '../model/issues.js';

export function formatIssue(issue: Issue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.path.length > 0 ? `  ${formatPath(issue.path)}` : '';
  const label = issue.severity === 'warning' ? 'warning: ' : '';
  return `${where}${field}  ${label}${issue.message} — ${issue.fix}`;
}

export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

export function formatIssues(issues: readonly Issue[]): string {
  return sortIssues(issues).map(formatIssue).join('\n');
}
