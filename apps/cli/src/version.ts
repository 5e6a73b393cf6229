import { createRequire } from 'node:module';

/** This package's version (dist/ and src/ both sit one folder below package.json). */
export const CLI_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
