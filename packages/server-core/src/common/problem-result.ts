import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type ErrorCode, type MessageKey, messageText, PingyiError, reasonOf, type ReasonParams } from '@pingyi/domain';
import { ErrorResultBase } from '../common/error-result';

/**
 * What every item of a problem list says, whichever module reports it (a
 * check's path, a keyed file's cell, a rectification import's row, a scanned
 * page): the code of the rule that failed and the shared catalog's sentence.
 * The place is the module's own (path, line and column, row and field, file
 * and page), and so is the GraphQL type's name, which clients select.
 */
export interface ProblemSentence {
  /** The code of the rule that failed (`INVALID_CALENDAR`, `MALFORMED_FILE`, `SCAN_NOT_A_SHEET`...). */
  readonly code?: string | null;
  /** The sentence in the shared message catalog, for a client to say it in its user's language. */
  readonly messageKey?: MessageKey | null;
  readonly params?: ReasonParams | null;
}

/** The `messageParamsJson` wire field of a problem: its sentence's parameters, null when it names no sentence. */
export function messageParamsJsonOf(problem: {
  readonly messageKey?: string | null;
  readonly params?: ReasonParams | null;
}): string | null {
  return problem.messageKey ? JSON.stringify(problem.params ?? {}) : null;
}

/**
 * The sentence fields every GraphQL problem-list type has (`Problem`,
 * `SheetProblem`, `RowProblem`, `ScanProblem` extend it): one declaration,
 * filled by {@link messageParamsJsonOf}.
 */
@ObjectType({ isAbstract: true })
export abstract class ProblemSentenceFields {
  @Field(() => String, {
    nullable: true,
    description: "The shared catalog's sentence of the problem, for a client to say it in its user's language",
  })
  messageKey?: string | null;

  @Field(() => String, { nullable: true, description: "The sentence's parameters, as a JSON object" })
  messageParamsJson?: string | null;
}

/** One problem of an import or a check: where (path) and what. */
@ObjectType('Problem', {
  description: 'One problem found by a check that reports them all: path names the place, line the CSV line',
})
export class Problem extends ProblemSentenceFields {
  @Field(() => String, { description: 'workItems[3].leadUnitCodes[0], line 14, complaints...' })
  path: string;

  @Field(() => String)
  message: string;

  @Field(() => String, {
    nullable: true,
    description: 'The code of the rule that failed (INVALID_CALENDAR, UNKNOWN_UNIT...)',
  })
  code: string | null;

  @Field(() => Int, { nullable: true, description: 'The line of a CSV file, when the problem is on one' })
  line: number | null;
}

/** A problem of a check as services report it: its path (and CSV line), its sentence in English. */
export interface ProblemData extends ProblemSentence {
  readonly path: string;
  readonly message: string;
  readonly line?: number | null;
}

/**
 * A refusal as one problem of a check that reports them all: its place (or
 * `path` when it names none), its reason without the place, its code, and
 * its sentence's key and parameters when it has them.
 */
export function problemOf(error: PingyiError, path: string, line?: number | null): ProblemData {
  const key = error.details?.messageKey;
  return {
    path: error.path || path,
    message: reasonOf(error),
    code: error.code,
    ...(line === undefined ? {} : { line }),
    ...(typeof key === 'string'
      ? { messageKey: key as MessageKey, params: (error.details?.params as ReasonParams) ?? {} }
      : {}),
  };
}

/** A problem found by a check (not thrown): its place, its sentence in English, and the sentence's key and parameters. */
export function keyedProblem(path: string, key: MessageKey, params: ReasonParams, line?: number): ProblemData {
  return {
    path,
    message: messageText(key, params),
    messageKey: key,
    params,
    ...(line === undefined ? {} : { line }),
  };
}

/** A problem as GraphQL answers it. */
export function toProblem(problem: ProblemData): Problem {
  return {
    path: problem.path,
    message: problem.message,
    code: problem.code ?? null,
    line: problem.line ?? null,
    messageKey: problem.messageKey ?? null,
    messageParamsJson: messageParamsJsonOf(problem),
  };
}

/**
 * Throws the `code` error that carries every problem (`details.problems`);
 * the message gives the count and the first few.
 */
export function throwProblems(code: ErrorCode, what: string, problems: readonly ProblemData[]): never {
  const shown = problems.slice(0, 3).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
  throw new PingyiError(
    code,
    `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}`,
    undefined,
    { problems },
  );
}

/** An error result type with the list of every problem (a member of {@link defineResultUnion}). */
export type ProblemsErrorClass = (new (
  message: string,
  problems: readonly ProblemData[],
) => ErrorResultBase & { problems: Problem[] }) & {
  readonly errorCode: string;
  fromError(error: PingyiError): ErrorResultBase;
};

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
      this.problems = problems.map(toProblem);
    }

    /** The result of a thrown error: its `details.problems`, or the error itself as the one problem. */
    static fromError(error: PingyiError): ProblemsError {
      const problems = (error.details?.problems as ProblemData[] | undefined) ?? [
        { path: error.path ?? '', message: error.message },
      ];
      return new ProblemsError(error.message, problems);
    }
  }
  Object.defineProperty(ProblemsError, 'name', { value: typeName });
  return ProblemsError;
}
