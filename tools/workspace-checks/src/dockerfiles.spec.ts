import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { IMAGE_APPS, readImageRecipe, type ImageApp, type ImageInstruction } from './image-recipe';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Node's Active LTS line (Node 26 since 2026-10-28, https://github.com/nodejs/Release). */
const ACTIVE_LTS = 26;
/** Long-running services, probed by the container engine; ops-cli is a one-shot job. */
const PROBED: Record<ImageApp, string | undefined> = {
  'capillary-sim': '/__sim/webhooks',
  'ops-cli': undefined,
  'tier-sync': '/health/live',
  'webhook-ingress': '/health/live',
};
const apps = Object.keys(IMAGE_APPS) as ImageApp[];

function buildOptions(app: ImageApp): { main: string; outputPath: string } {
  const project = JSON.parse(readFileSync(path.join(ROOT, IMAGE_APPS[app], 'project.json'), 'utf8')) as {
    targets: { build: { options: { main: string; outputPath: string } } };
  };
  return project.targets.build.options;
}

const only = (instructions: readonly ImageInstruction[], keyword: string) =>
  instructions.filter((instruction) => instruction.keyword === keyword);

describe('docker/*.Dockerfile', () => {
  it('has one Dockerfile per shipped app and nothing else', () => {
    const files = readdirSync(path.join(ROOT, 'docker')).filter((file) => file.endsWith('Dockerfile'));
    expect(files.sort()).toEqual(apps.map((app) => `${app}.Dockerfile`).sort());
  });

  describe.each(apps)('%s', (app) => {
    const recipe = readImageRecipe(app);
    const { main, outputPath } = buildOptions(app);
    const entry = main.replace(/\.ts$/, '.js');

    it('builds in stages, every one on the Active LTS slim image', () => {
      expect(recipe.stages.length).toBeGreaterThanOrEqual(3);
      for (const stage of recipe.stages) {
        expect(stage.base).toMatch(new RegExp(`^node:${ACTIVE_LTS}-[a-z]+-slim$`));
      }
    });

    it('compiles with the Nx build target and installs only production dependencies of its output', () => {
      const runs = recipe.stages.flatMap((stage) => only(stage.instructions, 'RUN').map((run) => run.args));
      expect(runs).toContain(`npx nx build ${app} --skip-nx-cache`);
      const deps = recipe.stages.find((stage) => stage.name === 'deps');
      expect(only(deps?.instructions ?? [], 'COPY').map((copy) => copy.args)).toEqual([
        `/workspace/${outputPath}/package.json /workspace/${outputPath}/package-lock.json ./`,
      ]);
      expect(only(deps?.instructions ?? [], 'RUN').map((run) => run.args)).toEqual([
        expect.stringMatching(/^npm ci --omit=dev /),
      ]);
    });

    it('runs the compiled output and production node_modules only: no RUN, no sources, no compiler', () => {
      expect(only(recipe.runtime.instructions, 'RUN')).toEqual([]);
      expect(only(recipe.runtime.instructions, 'COPY')).toEqual([
        { keyword: 'COPY', args: '/app/node_modules ./node_modules', flags: { from: 'deps' } },
        { keyword: 'COPY', args: `/workspace/${outputPath} ./`, flags: { from: 'build' } },
      ]);
    });

    it('runs as a non-root user', () => {
      const users = only(recipe.runtime.instructions, 'USER').map((user) => user.args);
      expect(users.at(-1)).toBe('node');
    });

    it('starts node itself on the built entry point (exec form, no npm or shell between)', () => {
      expect(recipe.entrypoint).toEqual(['node', entry]);
    });

    it(PROBED[app] ? `probes ${PROBED[app]} with node, in exec form` : 'has no health probe', () => {
      const probe = PROBED[app];
      if (probe === undefined) {
        expect(only(recipe.runtime.instructions, 'HEALTHCHECK')).toEqual([]);
        return;
      }
      expect(recipe.healthcheck?.slice(0, 2)).toEqual(['node', '-e']);
      expect(recipe.healthcheck?.[2]).toContain(`'${probe}'`);
    });
  });

  it('is what compose builds, under the tiersync/<app> image names', () => {
    const compose = parse(readFileSync(path.join(ROOT, 'docker', 'compose.yaml'), 'utf8')) as {
      services: Record<string, { image?: string; build?: { dockerfile?: string } }>;
    };
    const built = Object.values(compose.services)
      .filter((service) => service.build)
      .map((service) => [service.image?.replace(/:.*$/, ''), service.build?.dockerfile]);
    expect(built.sort()).toEqual(apps.map((app) => [`tiersync/${app}`, `docker/${app}.Dockerfile`]).sort());
  });
});
