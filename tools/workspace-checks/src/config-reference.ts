import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentedVariables } from './configuration-doc';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function envExample(): Map<string, { set: boolean; value: string }> {
  const lines = read('.env.example').split('\n');
  const found = lines.map((line) => /^(# ?)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line) ?? []);
  return new Map(
    found.flatMap(([, comment, name, value]) =>
      name === undefined ? [] : [[name, { set: comment === undefined, value: value ?? '' }] as const],
    ),
  );
}

export interface ConfigReference {
  section: string;
  schema: new () => object;
  load: (env: Record<string, string>) => unknown;
  variable: string;
}

export function describeConfigReference({ section, schema, load, variable }: ConfigReference): void {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  const variables = [...new Set(metadata.map((entry) => entry.propertyName))].sort();
  const hasDefault = (name: string) => Reflect.get(new schema(), name) !== undefined;

  describe(`${section} configuration reference`, () => {
    const docs = new Map([...documentedVariables(section)].map(([name, row]) => [name, row.requiredWhen]));
    const example = envExample();

    it(`documents exactly the variables ${schema.name} validates`, () => {
      expect([...docs.keys()].sort()).toEqual(variables);
    });

    it('lists every variable in .env.example: set when always required, commented when it has a default', () => {
      const always = [...docs].filter(([, when]) => when === 'always').map(([name]) => name);
      expect(docs.has('KAFKA_BROKERS')).toBe(true);
      expect(variables.filter((name) => !example.has(name))).toEqual([]);
      expect(always.filter((name) => example.get(name)?.set !== true)).toEqual([]);
      expect(variables.filter((name) => example.get(name)?.set === true && hasDefault(name))).toEqual([]);
    });

    it('boots with the values .env.example sets', () => {
      const set = [...example]
        .filter(([, line]) => line.set)
        .map(([name, line]) => [name, line.value] as const);
      const env: Record<string, string> = Object.fromEntries(set);
      expect(env[variable]).toBeTruthy();
      expect(load(env)).toBe(env[variable]);
    });
  });
}
