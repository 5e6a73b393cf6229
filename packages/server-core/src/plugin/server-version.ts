/**
 * The version of `@pingyi/server-core` that plugin `compatibility` ranges are
 * checked against. Kept equal to package.json's version by a unit test
 * (server-version.spec.ts), so a release cannot forget it.
 */
export const SERVER_CORE_VERSION = '0.1.0';
