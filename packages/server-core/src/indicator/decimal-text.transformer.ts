import { type ValueTransformer } from 'typeorm';

/**
 * Numbers kept as their shortest decimal text (`87.5`, `12`): exact and
 * identical on SQLite and PostgreSQL, where a float column would round.
 */
export const decimalText: ValueTransformer = {
  to: (value: number | null | undefined) => (value === null || value === undefined ? value : String(value)),
  from: (value: string | null | undefined) => (value === null || value === undefined ? value : Number(value)),
};
