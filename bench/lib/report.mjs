/**
 * The benchmark's table and budget check. A measurement is a number, or `{ na: reason }` when it
 * could not be taken; an unmeasured number never passes a budget.
 */

export const na = (reason) => ({ na: String(reason) });
export const isNa = (v) => v !== null && typeof v === 'object' && 'na' in v;

/** Reads `a.b.c` (or ['a', 'b', 'c'], for keys holding dots) from the results. */
export function metric(results, path) {
  let node = results;
  const keys = Array.isArray(path) ? path : path.split('.');
  path = keys.join('.');
  for (const key of keys) {
    if (isNa(node)) return node;
    if (node === null || node === undefined || typeof node !== 'object') return na(`${path} was not measured`);
    node = node[key];
  }
  if (node === undefined || node === null) return na(`${path} was not measured`);
  return node;
}

const group = (n) => Math.round(n).toLocaleString('en-GB');

/** @param {{ width?: number }} [options] width: cut a long n/a reason (the table; the list of misses gives it whole) */
export function format(value, unit, options = {}) {
  if (isNa(value)) {
    const reason = options.width && value.na.length > options.width ? `${value.na.slice(0, options.width - 1)}…` : value.na;
    return `n/a (${reason})`;
  }
  if (typeof value !== 'number') return String(value);
  switch (unit) {
    case 'bytes':
      return `${group(value)} B (${(value / 1000).toFixed(1)} KB)`;
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
    case '×':
      return `${value.toFixed(2)}×`;
    case 'characters':
      return `${group(value)} characters`;
    case 'MB':
      return `${(value / 1e6).toFixed(1)} MB`;
    default:
      return Number.isInteger(value) ? `${group(value)}${unit ? ` ${unit}` : ''}` : `${value.toFixed(2)}${unit ? ` ${unit}` : ''}`;
  }
}

/** @returns {{ id: string, what: string, value: unknown, max: number, unit: string, ok: boolean, message: string | null }[]} */
export function checkBudgets(results, budgets) {
  return budgets.map((b) => {
    const value = metric(results, b.metric);
    if (isNa(value)) return { ...b, value, ok: false, message: `${b.id}: not measured (${value.na}); budget ${format(b.max, b.unit)}` };
    const ok = value <= b.max;
    const over = value - b.max;
    const by = b.max === 0 ? format(over, b.unit) : `${format(over, b.unit)}, ${((over / b.max) * 100).toFixed(0)}%`;
    return { ...b, value, ok, message: ok ? null : `${b.id}: ${format(value, b.unit)} is over the budget of ${format(b.max, b.unit)} by ${by} (${b.what})` };
  });
}

/** A plain-text table with aligned columns. */
export function table(rows, header) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
