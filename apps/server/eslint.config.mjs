// The shared configuration, plus what Nest code needs: with decorator metadata
// a class used only in a constructor's parameter type is still a runtime
// value (Nest injects by it), so consistent-type-imports must know that.
import shared from '../../tooling/eslint/eslint.config.mjs';

export default [
  ...shared,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
];
