import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SKIPPED = new Set(['node_modules', 'dist', 'tmp', '.cache', '.nx']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) {
      return [];
    }
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const projects = ['apps', 'libs', 'tools']
  .flatMap((group) => readdirSync(path.join(ROOT, group)).map((name) => path.join(group, name)))
  .concat('bench')
  .filter((root) => readdirSync(path.join(ROOT, root)).includes('project.json'))
  .map((root) => {
    const project = JSON.parse(readFileSync(path.join(ROOT, root, 'project.json'), 'utf8')) as {
      targets: Record<string, unknown>;
    };
    const files = filesUnder(path.join(ROOT, root));
    return {
      root,
      targets: Object.keys(project.targets),
      integration: files.filter((file) => file.endsWith('.integration-spec.ts')).length,
      chaos: files.filter((file) => file.endsWith('.chaos-spec.ts')).length,
      unit: files.filter((file) => file.endsWith('.spec.ts') && !file.endsWith('.integration-spec.ts'))
        .length,
    };
  });

// `npm test` runs specs only through these Nx targets: a spec outside them would never run, and a target
// without specs fails jest ("No tests found").
describe('test targets', () => {
  it.each(projects)(
    '$root: test iff it has *.spec.ts, integration-test iff *.integration-spec.ts, chaos-test iff *.chaos-spec.ts',
    (project) => {
      expect({
        test: project.targets.includes('test'),
        'integration-test': project.targets.includes('integration-test'),
        'chaos-test': project.targets.includes('chaos-test'),
      }).toEqual({
        test: project.unit > 0,
        'integration-test': project.integration > 0,
        'chaos-test': project.chaos > 0,
      });
    },
  );
});
