import { type Type } from '@nestjs/common';
import { createUnionType, Field, InterfaceType, ObjectType } from '@nestjs/graphql';
import { type ErrorCode, isPingyiError, messageOf, type PingyiError } from '@pingyi/domain';

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

  /**
   * The sentence of the shared message catalog (`@pingyi/domain` MESSAGES)
   * that says what is wrong, for a client to render in its user's language;
   * null when the message is the only wording.
   */
  @Field(() => String, {
    nullable: true,
    description: 'Key of the sentence in the shared message catalog; render it with messageParamsJson',
  })
  messageKey: string | null = null;

  /** The sentence's parameters (dates, names, limits) as a JSON object. */
  @Field(() => String, {
    nullable: true,
    description: 'The sentence parameters as a JSON object of strings and numbers',
  })
  messageParamsJson: string | null = null;
}

/** The sentence fields of a report row (`messageKey`, `messageParamsJson`) from an error's details. */
export function sentenceOf(details: Readonly<Record<string, unknown>> | undefined): {
  messageKey?: string;
  messageParamsJson?: string;
} {
  const sentence = messageOf(details);
  return sentence ? { messageKey: sentence.messageKey, messageParamsJson: JSON.stringify(sentence.params) } : {};
}

/** Sets an error result's sentence from the error's details (see {@link ErrorResultBase.messageKey}). */
export function withSentence<R extends ErrorResultBase>(
  result: R,
  details: Readonly<Record<string, unknown>> | undefined,
): R {
  const sentence = messageOf(details);
  if (sentence) {
    result.messageKey = sentence.messageKey;
    result.messageParamsJson = JSON.stringify(sentence.params);
  }
  return result;
}

/** A class made by {@link defineErrorResult}. */
export type ErrorResultClass = (new (
  message: string,
  path?: string | null,
  details?: Readonly<Record<string, unknown>>,
) => ErrorResultBase) & {
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
export function defineErrorResult(errorCode: ErrorCode, typeName: string, description?: string): ErrorResultClass {
  const existing = registry.get(errorCode);
  if (existing) {
    if (existing.name !== typeName)
      throw new Error(`${errorCode} is already the code of ${existing.name}, not ${typeName}`);
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

/**
 * An error member of a result union: a class from {@link defineErrorResult},
 * or one written by hand whose static `fromError` reads the error's details
 * (`BatchRejectedError.rows`, a problems error's `problems`).
 */
export type ResultError =
  | ErrorResultClass
  | (Type<ErrorResultBase> & { readonly errorCode: string; fromError(error: PingyiError): ErrorResultBase });

/** A union `Success | ErrorA | ErrorB | InvalidArgumentError` and the function that fills it. */
export interface ResultUnion<T> {
  /** The GraphQL union (Nest's createUnionType), for `@Mutation(() => X.union)` or `@Query(() => X.union)`. */
  readonly union: object;
  readonly errors: readonly ResultError[];
  /**
   * Runs a use case: its value is the success member; a `PingyiError` whose
   * code is one of this union's errors becomes that error result; anything
   * else propagates (other PingyiErrors become coded GraphQL errors, the rest
   * is masked).
   */
  run(work: () => Promise<T>): Promise<T | ErrorResultBase>;
}

/**
 * Declares the result union of an operation, the one way to build one, e.g.
 * `defineResultUnion('LoginResult', LoginSuccess, [InvalidCredentialsError, TooManyAttemptsError])`.
 * `InvalidArgumentError` is always a member; list `NotFoundError` where the
 * operation names a record.
 */
export function defineResultUnion<T extends object>(
  name: string,
  success: Type<T>,
  errors: readonly ResultError[],
): ResultUnion<T> {
  const members = [...new Set<ResultError>([...errors, InvalidArgumentError])];
  const byCode = new Map(members.map((member) => [member.errorCode, member]));
  const memberClasses = new Set<unknown>(members);
  const union = createUnionType({
    name,
    types: () => [success, ...members] as const,
    resolveType: (value: object) => {
      if (!(value instanceof ErrorResultBase)) return success;
      return memberClasses.has(value.constructor)
        ? value.constructor
        : (byCode.get(value.errorCode) ?? errorResultClassOf(value.errorCode));
    },
  });
  return {
    union,
    errors: members,
    async run(work) {
      try {
        return await work();
      } catch (error) {
        const member = isPingyiError(error) ? byCode.get(error.code) : undefined;
        if (!member || !isPingyiError(error)) throw error;
        const result =
          'fromError' in member
            ? member.fromError(error)
            : new member(error.message, error.path ?? null, error.details);
        return withSentence(result, error.details);
      }
    },
  };
}
