import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BureauKeyed } from '../database/owned-columns';

/**
 * Anonymous acts that succeeded (cast ballots), counted per bureau, day and
 * evaluator group instead of one audit row each: a row per act, in time
 * order, could be lined up with what the act stored. The ballot box's mixer
 * adds each batch's casts.
 */
@ObjectType('AuditDailyCount')
@Entity('audit_daily_count')
export class AuditDailyCount extends BureauKeyed {
  @Field(() => String, { description: 'The mutation, e.g. castBallot' })
  @PrimaryColumn({ type: 'varchar', length: 100 })
  operation: string;

  @Field(() => String, { description: 'Local day (YYYY-MM-DD)' })
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Field(() => String, { description: 'Evaluator group code' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  groupCode: string;

  @Field(() => Int, { description: 'Successful calls that day' })
  @Column({ type: 'integer' })
  count: number;
}
