import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One row of an app's table in docs/configuration.md, backticks removed. */
export interface DocumentedVariable {
  /** `—` when the variable has no default. */
  default: string;
  /** The "required when" cell: `always`, `—`, or a condition such as `CAPILLARY_AUTH=basic`. */
  requiredWhen: string;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** docs/configuration.md's `## <section>` table: variable -> its default and "required when" cells. */
export function documentedVariables(section: string): Map<string, DocumentedVariable> {
  const part = readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8')
    .split(/^## /m)
    .find((chunk) => chunk.startsWith(`${section}\n`));
  const rows = (part ?? '').split('\n').filter((line) => line.startsWith('| `'));
  const cells = rows.map((row) => row.split('|').map((cell) => cell.trim().replaceAll('`', '')));
  return new Map(
    cells.map((row) => [row[1] ?? '', { default: row[2] ?? '—', requiredWhen: row[4] ?? '' }] as const),
  );
}
