import { type Type } from '@nestjs/common';
import { createUnionType, Field, Int, ObjectType } from '@nestjs/graphql';
import { isPingyiError, PingyiError } from '@pingyi/domain';
import { type ErrorResultClass, ErrorResultBase, InvalidArgumentError } from '../common/error-result';

/** One problem of an import or a check: where (path) and what. */
@ObjectType('Problem', { description: 'One problem found by a check that reports them all: path names the place, line the CSV line' })
export class Problem {
  @Field(() => String, { description: 'workItems[3].leadUnitCodes[0], line 14, complaints...' })
  path: string;

  @Field(() => String)
  message: string;

  @Field(() => String, { nullable: true, description: 'The code of the rule that failed (INVALID_CALENDAR, UNKNOWN_UNIT...)' })
  code: string | null;

  @Field(() => Int, { nullable: true, description: 'The line of a CSV file, when the problem is on one' })
  line: number | null;
}

/** A problem as services report it. */
export interface ProblemData {
  readonly path: string;
  readonly message: string;
  readonly code?: string | null;
  readonly line?: number | null;
}

/**
 * Throws the `code` error that carries every problem (`details.problems`);
 * the message gives the count and the first few.
 */
export function throwProblems(code: string, what: string, problems: readonly ProblemData[]): never {
  const shown = problems.slice(0, 3).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
  throw new PingyiError(code, `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}`, undefined, { problems });
}

/** An error result type with the list of every problem. */
export type ProblemsErrorClass = (new (message: string, problems: readonly ProblemData[]) => ErrorResultBase & { problems: Problem[] }) & { readonly errorCode: string };

/** Declares `type <typeName> implements ErrorResult { errorCode message path problems: [Problem!]! }`. */
export function defineProblemsError(errorCode: string, typeName: string, description: string): ProblemsErrorClass {
  @ObjectType(typeName, { implements: () => [ErrorResultBase], description })
  class ProblemsError extends ErrorResultBase {
    static readonly errorCode = errorCode;

    @Field(() => [Problem], { description: 'Every problem found, in document order' })
    problems: Problem[];

    constructor(message: string, problems: readonly ProblemData[]) {
      super();
      this.errorCode = errorCode;
      this.message = message;
      this.path = problems[0]?.path ?? null;
      this.problems = problems.map((problem) => ({ path: problem.path, message: problem.message, code: problem.code ?? null, line: problem.line ?? null }));
    }
  }
  Object.defineProperty(ProblemsError, 'name', { value: typeName });
  return ProblemsError;
}

/** Like `defineResultUnion`, with one member that carries every problem. */
export interface ProblemsResultUnion<T> {
  readonly union: ReturnType<typeof createUnionType>;
  run(work: () => Promise<T>): Promise<T | ErrorResultBase>;
}

/**
 * `union <name> = Success | ProblemsError | ...errors | InvalidArgumentError`:
 * a `PingyiError` with the problems error's code becomes that result with
 * `details.problems`; one with a listed code becomes that error result;
 * anything else propagates.
 */
export function defineProblemsResultUnion<T extends object>(
  name: string,
  success: Type<T>,
  problemsError: ProblemsErrorClass,
  errors: readonly ErrorResultClass[],
): ProblemsResultUnion<T> {
  const members = [...new Set([...errors, InvalidArgumentError])];
  const byCode = new Map<string, ErrorResultClass>(members.map((member) => [member.errorCode, member]));
  const union = createUnionType({
    name,
    types: () => [success, problemsError, ...members] as const,
    resolveType: (value: object) => {
      if (value instanceof problemsError) return problemsError;
      if (value instanceof ErrorResultBase) return byCode.get(value.errorCode) ?? problemsError;
      return success;
    },
  });
  return {
    union,
    async run(work) {
      try {
        return await work();
      } catch (error) {
        if (!isPingyiError(error)) throw error;
        if (error.code === problemsError.errorCode) {
          const problems = (error.details?.problems as ProblemData[] | undefined) ?? [{ path: error.path ?? '', message: error.message }];
          return new problemsError(error.message, problems);
        }
        const member = byCode.get(error.code);
        if (member) return new member(error.message, error.path ?? null);
        throw error;
      }
    },
  };
}
