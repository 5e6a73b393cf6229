export { default } from './tooling/eslint/eslint.config.mjs';
