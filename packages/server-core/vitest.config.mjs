// server-core's e2e tests start the server with the shared test kit, from
// this package's sources: the kit and its import of server-core resolve to
// the sources here (no build between a change and its test, one copy of each
// class and token). Nest loads graphql's CommonJS build; the sources must
// share it (two copies of graphql refuse each other's types).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import nest from '@pingyi/tooling/vitest-nest';

const here = (relative) => fileURLToPath(new URL(relative, import.meta.url));

export default mergeConfig(
  nest,
  defineConfig({
    resolve: {
      alias: [
        { find: /^@pingyi\/server-core$/, replacement: here('./src/index.ts') },
        { find: /^@pingyi\/testing$/, replacement: here('../testing/src/index.ts') },
        { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
      ],
    },
  }),
);
