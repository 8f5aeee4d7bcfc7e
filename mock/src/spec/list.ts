// `--list`: operation -> status -> example names (what `Prefer: example=NAME` can ask for).
import type { SpecIndex } from './index.js';

export function listTable(index: SpecIndex): string {
  const rows: string[][] = [['operation', 'method path', 'status', 'examples (Prefer: example=NAME)']];
  for (const op of index.operations) {
    op.statuses.forEach((status, i) => {
      rows.push([
        i === 0 ? op.operationId : '',
        i === 0 ? `${op.method.toUpperCase()} ${op.path}` : '',
        status,
        [...op.responses[status].examples.keys()].join(', ') || '(schema only)',
      ]);
    });
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (c === 3 ? 0 : r[c].length))));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 3 ? cell : cell.padEnd(widths[c]))).join('  ');
      return i === 0 ? `${line}\n${'-'.repeat(Math.min(160, line.length + 20))}` : line;
    })
    .join('\n');
}
