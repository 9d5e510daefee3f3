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

/** Documented once for every process, because every process reads them through libs/kafka's KafkaEnvironment. */
const SHARED_SECTION = 'Kafka TLS and SASL (every process)';

/**
 * docs/configuration.md's `## <section>` table plus the shared one: variable -> its default and "required
 * when" cells.
 */
export function documentedVariables(section: string): Map<string, DocumentedVariable> {
  const parts = readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8').split(/^## /m);
  const rows = [section, SHARED_SECTION]
    .map((heading) => parts.find((chunk) => chunk.startsWith(`${heading}\n`)) ?? '')
    .flatMap((part) => part.split('\n').filter((line) => line.startsWith('| `')));
  const cells = rows.map((row) => row.split('|').map((cell) => cell.trim().replaceAll('`', '')));
  return new Map(
    cells.map((row) => [row[1] ?? '', { default: row[2] ?? '—', requiredWhen: row[4] ?? '' }] as const),
  );
}
