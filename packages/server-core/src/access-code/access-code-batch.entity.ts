import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GroupOfCampaign } from '../database/references';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { CampaignOwned } from '../database/owned-columns';
import { Instant, Actor, CreatedAt } from '../database/record-columns';

/**
 * A batch of access codes issued at once for one evaluator group. The plain
 * codes existed only in the answer to `issueAccessCodes`; the batch keeps who
 * issued it and when, and whether it was revoked.
 */
@ObjectType('AccessCodeBatch')
@Entity('access_code_batch')
@Index(['campaignId', 'evaluatorGroupCode'])
export class AccessCodeBatch extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'The evaluator group the codes are for' })
  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  @Field(() => Int, { description: 'Codes issued in the batch' })
  @Column({ type: 'integer' })
  count: number;

  @CreatedAt()
  issuedAt: Date;

  @Actor({ nullable: true, description: 'Username of the office member who issued it' })
  issuedBy: string | null;

  @Instant({ nullable: true, description: 'Set when the batch was revoked: its unused codes no longer work' })
  revokedAt: Date | null;

  @Actor({ nullable: true })
  revokedBy: string | null;

  /** Filled by the service when listed (not a column). */
  @Field(() => Int, { description: 'Codes of the batch already used' })
  used?: number;

  @Field(() => Int, { description: 'Codes of the batch still unused' })
  unused?: number;

  @Field(() => Int, { description: 'Codes of the batch revoked before use' })
  revoked?: number;
}
