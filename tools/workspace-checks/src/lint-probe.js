// Lints code snippets as if they were files in the workspace, with the real eslint.config.mjs, and prints
// the messages of one rule (argv[2], by default the module-boundary rule) and any fatal parse error per
// snippet as JSON. Runs outside jest because
// ESLint loads its flat config through a dynamic import, which jest's module sandbox does not support.
const { createProjectGraphAsync } = require('@nx/devkit');
const { ESLint } = require('eslint');
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const root = path.resolve(__dirname, '..', '..', '..');
  const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
  const ruleId = process.argv[2] ?? '@nx/enforce-module-boundaries';
  // The boundary rule reads Nx's cached project graph and silently skips itself when there is none (as on
  // a fresh clone), so build the graph first rather than let every probe pass for the wrong reason.
  await createProjectGraphAsync({ exitOnError: true });
  const eslint = new ESLint({ cwd: root });
  const out = [];
  for (const [index, { file, code }] of cases.entries()) {
    // Type-aware parsing needs a file the TypeScript project service finds on disk, so each snippet is
    // written next to real sources only for the moment it is linted.
    const target = path.join(root, path.dirname(file), `boundary-probe-${process.pid}-${index}.ts`);
    fs.writeFileSync(target, code);
    try {
      const [result] = await eslint.lintFiles([target]);
      out.push({
        boundary: result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message),
        fatal: result.messages.filter((m) => m.fatal).map((m) => m.message),
      });
    } finally {
      fs.rmSync(target, { force: true });
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
