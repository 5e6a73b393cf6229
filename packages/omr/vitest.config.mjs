export { default } from '@pingyi/tooling/vitest';
