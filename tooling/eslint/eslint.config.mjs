// One lint configuration for the repository, including the import boundaries:
// the pure packages (domain, scoring) never import a framework, and plugins
// never reach into server internals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const frameworks = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'react',
  'react-*',
  'react/*',
  '@mui/*',
  'better-sqlite3',
  'pg',
  'express',
  'graphql',
  'graphql/*',
];

// CSV by hand, outside @pingyi/csv: lines split into cells on commas, rows of
// comma-joined cells joined with line ends, a BOM put in front by hand. (A
// comma split of one setting, or a list joined for a message, is not flagged.)
const CSV_MESSAGE =
  'Read and write CSV with @pingyi/csv (readCsvText, readCsvStream, writeCsv): it owns quoting, BOM, line ends, formula neutralising and limits.';
const COMMA_SPLIT = "CallExpression[callee.property.name='split'][arguments.0.value=',']";
const CSV_BY_HAND = [
  {
    selector: `CallExpression[callee.property.name=/^(map|forEach|flatMap)$/][callee.object.callee.property.name='split'] > :function ${COMMA_SPLIT}`,
    message: CSV_MESSAGE,
  },
  {
    selector: `ForOfStatement[right.callee.property.name='split'] > BlockStatement ${COMMA_SPLIT}`,
    message: CSV_MESSAGE,
  },
  {
    selector:
      "CallExpression[callee.property.name='join'][arguments.0.value=/^\\r?\\n$/] CallExpression[callee.property.name='join'][arguments.0.value=',']",
    message: CSV_MESSAGE,
  },
  { selector: 'TemplateLiteral > TemplateElement:first-child[value.cooked=/^\\uFEFF/]', message: CSV_MESSAGE },
];

// One way to write a GraphQL document in the console: `graphql()` from src/data/graphql.ts, in a
// *.queries.ts file or a resource descriptor, so `npm run typecheck` checks it against schema.graphql.
const GRAPHQL_MESSAGE =
  "Write GraphQL documents with graphql() from src/data/graphql.ts (in a *.queries.ts file or the resource's descriptor): a string document is not checked against the schema.";
const DOCUMENT_TEXT = '/^\\s*(query|mutation|subscription|fragment)\\b[^]*[{(]/';
const STRING_DOCUMENTS = [
  {
    selector: `Literal:not(CallExpression[callee.name='graphql'] > Literal)[value=${DOCUMENT_TEXT}]`,
    message: GRAPHQL_MESSAGE,
  },
  {
    selector: `TemplateLiteral:not(CallExpression[callee.name='graphql'] > TemplateLiteral) > TemplateElement:first-child[value.raw=${DOCUMENT_TEXT}]`,
    message: GRAPHQL_MESSAGE,
  },
  {
    // a string handed to the hooks or the provider in place of a document
    selector:
      'CallExpression:matches([callee.name=/^useGraphql(Query|Mutation)$/], [callee.property.name=/^(graphql|mutate|request)$/]) > :matches(Literal[raw=/^[\'"]/], TemplateLiteral)',
    message: GRAPHQL_MESSAGE,
  },
];

const boundary = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-bench/**',
      '**/node_modules/**',
      '**/reports/**',
      '**/coverage/**',
      '**/*.d.ts',
      '**/.turbo/**',
      'data/**',
      'apps/server/data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'off',
    },
  },
  // Nest code: with decorator metadata a class used only as a constructor parameter's
  // type is still a runtime value (Nest injects by it); consistent-type-imports must know.
  // (One config for the whole repository: a package-level eslint.config.* would silently
  // drop the boundary rules below, whose patterns are relative to this root.)
  {
    files: ['packages/server-core/**/*.ts', 'packages/testing/**/*.ts', 'apps/server/**/*.ts', 'plugins/**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  boundary(
    ['packages/domain/**/*.ts', '**/packages/domain/**/*.ts'],
    [...frameworks, '@pingyi/*'],
    'packages/domain is pure: it imports no framework and no other Pingyi package.',
  ),
  boundary(
    ['packages/scoring/**/*.ts', '**/packages/scoring/**/*.ts'],
    [...frameworks, '@pingyi/server-core', '@pingyi/server-core/*', '@pingyi/testing'],
    'packages/scoring is pure: it may import @pingyi/domain and @pingyi/csv only.',
  ),
  boundary(
    ['packages/csv/**/*.ts', '**/packages/csv/**/*.ts'],
    [...frameworks, '@pingyi/*'],
    'packages/csv is pure: csv-parse and csv-stringify only (the console imports it too).',
  ),
  // One CSV reader and one writer (@pingyi/csv): no CSV split or joined by hand elsewhere.
  {
    files: ['packages/*/src/**/*.{ts,tsx}', 'apps/*/src/**/*.{ts,tsx}', 'plugins/**/src/**/*.ts'],
    ignores: ['packages/csv/**', '**/*.spec.ts', '**/*.spec.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...CSV_BY_HAND] },
  },
  // The console's GraphQL documents: graphql() only, and only where the documents live.
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts', '**/*.spec.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...CSV_BY_HAND, ...STRING_DOCUMENTS] },
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ignores: [
      'apps/console/src/data/graphql.ts',
      '**/*.queries.ts',
      '**/*.descriptor.ts',
      '**/*.descriptors.ts',
      '**/*.spec.ts',
      '**/*.spec.tsx',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...CSV_BY_HAND,
        ...STRING_DOCUMENTS,
        {
          selector: "CallExpression[callee.name='graphql']",
          message:
            "Put the document in the page's *.queries.ts (or the resource's descriptor) and import it: the browser suite measures every document there against the server's query limits.",
        },
      ],
    },
  },
  // One transaction mechanism (database/transactions.ts): no TypeORM transaction opened by hand elsewhere.
  {
    files: ['packages/server-core/src/**/*.ts', 'plugins/**/src/**/*.ts'],
    ignores: ['packages/server-core/src/database/**', 'packages/csv/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...CSV_BY_HAND,
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message:
            'Open transactions with Transactions.run (or .steps) from database/transactions.ts: on SQLite it keeps one transaction from running inside another.',
        },
        {
          // one REST error filter, the platform's (common/graphql-exception.filter.ts)
          selector: "Decorator > CallExpression[callee.name='UseFilters']",
          message:
            "REST errors are answered by the platform's filter for every route: give a new code its HTTP status in common/rest-error.filter.ts instead of a controller filter.",
        },
      ],
    },
  },
  // server-core's public API is a list of names (etc/server-core.api.md is its report): adding one is a decision.
  {
    files: ['packages/server-core/src/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message:
            "Name what server-core exports: `export { Name } from './module'`, not `export *` (its internals stay internal).",
        },
      ],
    },
  },
  boundary(
    ['plugins/**/*.ts', '**/plugins/**/*.ts'],
    ['@pingyi/server-core/src/*', '@pingyi/server-core/dist/*', '**/server-core/src/**'],
    'plugins use the public API of @pingyi/server-core, never its internals.',
  ),
);
