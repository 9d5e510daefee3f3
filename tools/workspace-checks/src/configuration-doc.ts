import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface DocumentedVariable {
  default: string;
  requiredWhen: string;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

const SHARED_SECTION = 'Kafka TLS and SASL (every process)';

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
