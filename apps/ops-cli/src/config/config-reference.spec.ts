import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadOpsConfig } from './ops-config';
import { OpsEnvironment } from './ops-environment';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** docs/configuration.md's `## ops-cli` table: variable -> its "required when" cell. */
function documented(): Map<string, string> {
  const section = read('docs/configuration.md')
    .split(/^## /m)
    .find((part) => part.startsWith('ops-cli\n'));
  const rows = (section ?? '').split('\n').filter((line) => line.startsWith('| `'));
  const cells = rows.map((row) => row.split('|').map((cell) => cell.trim().replaceAll('`', '')));
  return new Map(cells.map((row) => [row[1] ?? '', row[4] ?? '']));
}

/** .env.example: variable -> its value there, and whether the line is set or commented out. */
function envExample(): Map<string, { set: boolean; value: string }> {
  const lines = read('.env.example').split('\n');
  const found = lines.map((line) => /^(# ?)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line) ?? []);
  return new Map(
    found.flatMap(([, comment, name, value]) =>
      name === undefined ? [] : [[name, { set: comment === undefined, value: value ?? '' }] as const],
    ),
  );
}

const metadata = getMetadataStorage().getTargetValidationMetadatas(OpsEnvironment, '', true, false);
const variables = [...new Set(metadata.map((entry) => entry.propertyName))].sort();
const hasDefault = (name: string) => Reflect.get(new OpsEnvironment(), name) !== undefined;

describe(OpsEnvironment.name, () => {
  const example = envExample();

  it('documents exactly the variables OpsEnvironment validates', () => {
    expect([...documented().keys()].sort()).toEqual(variables);
  });

  it('lists every variable in .env.example: set when always required, commented when it has a default', () => {
    const always = [...documented()].filter(([, when]) => when === 'always').map(([name]) => name);
    expect(always).toContain('KAFKA_BROKERS');
    expect(variables.filter((name) => !example.has(name))).toEqual([]);
    expect(always.filter((name) => example.get(name)?.set !== true)).toEqual([]);
    expect(variables.filter((name) => example.get(name)?.set === true && hasDefault(name))).toEqual([]);
  });

  it('boots with the values .env.example sets', () => {
    const set = [...example]
      .filter(([, line]) => line.set)
      .map(([name, line]) => [name, line.value] as const);
    const env: Record<string, string> = Object.fromEntries(set);
    expect(loadOpsConfig(env).capillary?.baseUrl).toBe(env['CAPILLARY_BASE_URL']);
  });
});
