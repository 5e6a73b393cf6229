import { type Type } from '@nestjs/common';
import { createUnionType, Field, InterfaceType, ObjectType } from '@nestjs/graphql';
import { isPingyiError, PingyiError } from '@pingyi/domain';

/**
 * The GraphQL interface every expected failure implements (CONTRACTS.md §4):
 * `interface ErrorResult { errorCode: String! message: String! }`.
 */
@InterfaceType('ErrorResult', {
  description: 'An expected failure: a stable errorCode for programs, a message for people',
  resolveType: (value: ErrorResultBase) => errorResultClassOf(value.errorCode),
})
export abstract class ErrorResultBase {
  @Field(() => String)
  errorCode: string;

  @Field(() => String)
  message: string;

  /** The argument or place at fault (`input.username`), when there is one. */
  @Field(() => String, { nullable: true })
  path: string | null;
}

/** A class made by {@link defineErrorResult}. */
export type ErrorResultClass = (new (message: string, path?: string | null, details?: Readonly<Record<string, unknown>>) => ErrorResultBase) & {
  readonly errorCode: string;
};

const registry = new Map<string, ErrorResultClass>();

function errorResultClassOf(code: string): ErrorResultClass {
  const found = registry.get(code);
  if (!found) throw new Error(`No error result is defined for ${code}`);
  return found;
}

/**
 * Registers an error result class written by hand (one with fields of its own,
 * filled from the error's `details`), under its static `errorCode`.
 */
export function registerErrorResult(result: ErrorResultClass): ErrorResultClass {
  const existing = registry.get(result.errorCode);
  if (existing && existing !== result) throw new Error(`${result.errorCode} is already the code of ${existing.name}`);
  registry.set(result.errorCode, result);
  return result;
}

/**
 * Declares a GraphQL error result type for one error code, e.g.
 * `defineErrorResult('INVALID_CREDENTIALS', 'InvalidCredentialsError')`.
 * One class per code in the whole schema; defining the same pair twice returns
 * the first class, so modules may share codes such as `NOT_FOUND`.
 */
export function defineErrorResult(errorCode: string, typeName: string, description?: string): ErrorResultClass {
  const existing = registry.get(errorCode);
  if (existing) {
    if (existing.name !== typeName) throw new Error(`${errorCode} is already the code of ${existing.name}, not ${typeName}`);
    return existing;
  }
  @ObjectType(typeName, { implements: () => [ErrorResultBase], ...(description ? { description } : {}) })
  class DefinedErrorResult extends ErrorResultBase {
    static readonly errorCode = errorCode;

    constructor(message: string, path: string | null = null) {
      super();
      this.errorCode = errorCode;
      this.message = message;
      this.path = path;
    }
  }
  Object.defineProperty(DefinedErrorResult, 'name', { value: typeName });
  registry.set(errorCode, DefinedErrorResult);
  return DefinedErrorResult;
}

/** A bad argument: the message and `path` name the field (every result union includes it). */
export const InvalidArgumentError = defineErrorResult(
  'INVALID_ARGUMENT',
  'InvalidArgumentError',
  'An argument is missing, too long, out of range or malformed; path names it',
);

/** The thing asked for does not exist in the caller's bureau (or is outside their unit). */
export const NotFoundError = defineErrorResult('NOT_FOUND', 'NotFoundError', 'No such record in your bureau');

/** A union `Success | ErrorA | ErrorB | InvalidArgumentError` and the function that fills it. */
export interface ResultUnion<T> {
  /** Pass to `@Mutation(() => X.union)`. */
  readonly union: ReturnType<typeof createUnionType>;
  readonly errors: readonly ErrorResultClass[];
  /**
   * Runs a use case: its value is the success member; a `PingyiError` whose
   * code is one of this union's errors becomes that error result; anything
   * else propagates (other PingyiErrors become coded GraphQL errors, the rest
   * is masked).
   */
  run(work: () => Promise<T>): Promise<T | ErrorResultBase>;
}

/**
 * Declares the result union of a mutation, e.g.
 * `defineResultUnion('LoginResult', LoginSuccess, [InvalidCredentialsError, TooManyAttemptsError])`.
 * `InvalidArgumentError` is always a member.
 */
export function defineResultUnion<T extends object>(
  name: string,
  success: Type<T>,
  errors: readonly ErrorResultClass[],
): ResultUnion<T> {
  const members = [...new Set([...errors, InvalidArgumentError])];
  const byCode = new Map(members.map((member) => [member.errorCode, member]));
  const union = createUnionType({
    name,
    types: () => [success, ...members] as const,
    resolveType: (value: object) => (value instanceof ErrorResultBase ? errorResultClassOf(value.errorCode) : success),
  });
  return {
    union,
    errors: members,
    async run(work) {
      try {
        return await work();
      } catch (error) {
        const member = isPingyiError(error) ? byCode.get(error.code) : undefined;
        if (member && error instanceof PingyiError) return new member(error.message, error.path ?? null, error.details);
        throw error;
      }
    },
  };
}

