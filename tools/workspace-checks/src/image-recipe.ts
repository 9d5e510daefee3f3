import { DockerfileParser, ModifiableInstruction } from 'dockerfile-ast';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export const IMAGE_APPS = {
  'capillary-sim': 'tools/capillary-sim',
  'ops-cli': 'apps/ops-cli',
  'tier-sync': 'apps/tier-sync',
  'webhook-ingress': 'apps/webhook-ingress',
} as const;
export type ImageApp = keyof typeof IMAGE_APPS;

export interface ImageInstruction {
  readonly keyword: string;
  readonly args: string;
  readonly flags: Readonly<Record<string, string | null>>;
}

export interface ImageStage {
  readonly name: string | undefined;
  readonly base: string;
  readonly instructions: readonly ImageInstruction[];
}

export interface ImageRecipe {
  readonly stages: readonly ImageStage[];
  readonly runtime: ImageStage;
  readonly entrypoint: readonly string[] | undefined;
  readonly cmd: readonly string[] | undefined;
  readonly healthcheck: readonly string[] | undefined;
}

export function dockerfilePath(app: ImageApp): string {
  return path.join(ROOT, 'docker', `${app}.Dockerfile`);
}

export function readImageRecipe(app: ImageApp): ImageRecipe {
  const dockerfile = DockerfileParser.parse(readFileSync(dockerfilePath(app), 'utf8'));
  const stages: { name: string | undefined; base: string; instructions: ImageInstruction[] }[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArgumentsContent() ?? '';
    if (keyword === 'FROM') {
      const [base = '', , name] = args.split(/\s+/);
      stages.push({ name, base, instructions: [] });
      continue;
    }
    const flags =
      instruction instanceof ModifiableInstruction
        ? Object.fromEntries(instruction.getFlags().map((flag) => [flag.getName(), flag.getValue()]))
        : {};
    stages.at(-1)?.instructions.push({ keyword, args, flags });
  }
  const runtime = stages.at(-1);
  if (!runtime) {
    throw new Error(`docker/${app}.Dockerfile has no FROM`);
  }
  const last = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).at(-1);
  return {
    stages,
    runtime,
    entrypoint: execForm(last('ENTRYPOINT')?.args),
    cmd: execForm(last('CMD')?.args),
    healthcheck: execForm(last('HEALTHCHECK')?.args.replace(/^CMD\s+/, '')),
  };
}

function execForm(args: string | undefined): readonly string[] | undefined {
  if (!args?.startsWith('[')) {
    return undefined;
  }
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : undefined;
}
