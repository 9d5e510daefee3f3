// Type-aware lint for the whole workspace, plus Nx module boundaries (docs/architecture.md "Layout").
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const sharedDeps = ['type:schema', 'type:data-access', 'type:util'];

/** Who may import whom; test files may additionally use the dev tools (broker, simulator). */
const boundaries = (extraForTests) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: [...sharedDeps, ...extraForTests],
        // HTTP calls to Capillary belong in libs/capillary-client, Kafka clients in libs/kafka.
        bannedExternalImports: ['axios', 'kafkajs'],
      },
      {
        sourceTag: 'type:schema',
        onlyDependOnLibsWithTags: [],
        bannedExternalImports: ['@nestjs/*', 'kafkajs', 'axios'],
      },
      {
        sourceTag: 'type:data-access',
        onlyDependOnLibsWithTags: ['type:schema', ...extraForTests],
        bannedExternalImports: ['@nestjs/*', 'kafkajs'],
      },
      {
        sourceTag: 'type:util',
        onlyDependOnLibsWithTags: ['type:schema', ...extraForTests],
        bannedExternalImports: ['axios'],
      },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:schema', 'type:tool', 'type:util'] },
      { sourceTag: 'type:bench', onlyDependOnLibsWithTags: [...sharedDeps, 'type:tool'] },
      // End-to-end suites drive the apps as processes, never by import.
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [...sharedDeps, 'type:tool'] },
      {
        sourceTag: 'scope:ingress',
        onlyDependOnLibsWithTags: ['scope:shared', ...scopeForTests(extraForTests)],
      },
      {
        sourceTag: 'scope:consumer',
        onlyDependOnLibsWithTags: ['scope:shared', ...scopeForTests(extraForTests)],
      },
      { sourceTag: 'scope:ops', onlyDependOnLibsWithTags: ['scope:shared', ...scopeForTests(extraForTests)] },
      {
        sourceTag: 'scope:shared',
        onlyDependOnLibsWithTags: ['scope:shared', ...scopeForTests(extraForTests)],
      },
      { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
      { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
    ],
  },
];
function scopeForTests(extra) {
  return extra.length > 0 ? ['scope:tools'] : [];
}

/**
 * tier-sync's layers, top to bottom (docs/architecture.md "Layout"): a folder imports only folders of the
 * tiers below its own, never one beside it, and nothing imports the app's root files (app.module,
 * bootstrap, main).
 */
const TIER_SYNC_LAYERS = [
  ['consumer'],
  ['router'],
  ['sync'],
  ['capillary', 'messaging', 'observability'],
  ['config'],
];

function layerRules(root, layers) {
  return layers.flatMap((tier, index) =>
    tier.map((folder) => {
      const banned = [...layers.slice(0, index).flat(), ...tier.filter((other) => other !== folder)];
      const group = [...banned.map((name) => `**/${name}/*`), '**/app.module', '**/bootstrap', '**/main'];
      const message = `${root}/src/${folder} sits below ${banned.join(', ')} and the app's root files.`;
      return {
        files: [`${root}/src/${folder}/**/*.ts`],
        rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
      };
    }),
  );
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'tmp/**',
      '.cache/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries([]),
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: 'error',
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests may use the dev tools (local Kafka, the Capillary simulator) and jest's loose matchers.
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.chaos-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['type:tool']),
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...layerRules('apps/tier-sync', TIER_SYNC_LAYERS),
  prettier,
);
