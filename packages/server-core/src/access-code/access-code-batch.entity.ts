import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignOfBureau, GroupOfCampaign } from '../database/references';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';

/**
 * A batch of access codes issued at once for one evaluator group. The plain
 * codes existed only in the answer to `issueAccessCodes`; the batch keeps who
 * issued it and when, and whether it was revoked.
 */
@ObjectType('AccessCodeBatch')
@Entity('access_code_batch')
@Index(['campaignId', 'evaluatorGroupCode'])
export class AccessCodeBatch {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  bureauId: number;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bureau_id' })
  bureau?: Bureau;

  @Field(() => ID)
  @Column({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @CampaignOfBureau()
  campaign?: Campaign;

  @Field(() => String, { description: 'The evaluator group the codes are for' })
  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  @Field(() => Int, { description: 'Codes issued in the batch' })
  @Column({ type: 'integer' })
  count: number;

  @Field(() => Date)
  @CreateDateColumn()
  issuedAt: Date;

  @Field(() => String, { nullable: true, description: 'Username of the office member who issued it' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  issuedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'Set when the batch was revoked: its unused codes no longer work' })
  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  revokedBy: string | null;

  /** Filled by the service when listed (not a column). */
  @Field(() => Int, { description: 'Codes of the batch already used' })
  used?: number;

  @Field(() => Int, { description: 'Codes of the batch still unused' })
  unused?: number;

  @Field(() => Int, { description: 'Codes of the batch revoked before use' })
  revoked?: number;
}
