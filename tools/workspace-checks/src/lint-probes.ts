import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface LintOutcome {
  boundary: string[];
  fatal: string[];
}

export interface Probe {
  name: string;
  file: string;
  code: string;
}

export function lintProbes(probes: Probe[], ruleId = '@nx/enforce-module-boundaries'): LintOutcome[] {
  const input = JSON.stringify(
    probes.map((p) => ({ file: p.file, code: `${p.code}\nexport const probe = 1;\n` })),
  );
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-probe.js'), ruleId], {
    input,
    encoding: 'utf8',
  });
  return JSON.parse(output) as LintOutcome[];
}
