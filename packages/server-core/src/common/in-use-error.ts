import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResultBase, registerErrorResult } from './error-result';

/** How many rows of one kind still name the record. */
@ObjectType('ReferenceCount')
export class ReferenceCountResult {
  @Field(() => String, {
    description: 'Stable kind: rectificationItem, inspection, liaisonAccount, accessCode, ballot...',
  })
  kind: string;

  @Field(() => Int)
  count: number;
}

interface InUseDetails {
  readonly subject?: { readonly kind?: string; readonly code?: string; readonly name?: string };
  readonly uses?: Readonly<Record<string, number>>;
}

/**
 * `IN_USE`: the record is still referenced. `uses` lists what names it (kind →
 * count, derived from the foreign keys), so a client words it in its language.
 */
@ObjectType('InUseError', {
  implements: () => [ErrorResultBase],
  description:
    'The record is still referenced (ballots, rectification items, liaison accounts...) and cannot be removed; uses says by what',
})
export class InUseError extends ErrorResultBase {
  static readonly errorCode = 'IN_USE';

  @Field(() => String, {
    nullable: true,
    description: 'What kind of record is in use: unit, evaluatorGroup, campaign...',
  })
  subjectKind: string | null;

  @Field(() => String, { nullable: true, description: 'Its code (or id)' })
  subjectCode: string | null;

  @Field(() => [ReferenceCountResult])
  uses: ReferenceCountResult[];

  constructor(message: string, path: string | null = null, details?: Readonly<Record<string, unknown>>) {
    super();
    const { subject, uses } = (details ?? {}) as InUseDetails;
    this.errorCode = InUseError.errorCode;
    this.message = message;
    this.path = path;
    this.subjectKind = subject?.kind ?? null;
    this.subjectCode = subject?.code ?? null;
    this.uses = Object.entries(uses ?? {}).map(([kind, count]) =>
      Object.assign(new ReferenceCountResult(), { kind, count }),
    );
  }
}
registerErrorResult(InUseError);
