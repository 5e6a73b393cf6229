import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { GroupOfCampaign } from '../database/references';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { CampaignOwned } from '../database/owned-columns';
import { Actor, UpdatedAt } from '../database/record-columns';

/** What the office entered for one evaluator group's paper ballots: sheets handed out, spoilt ones not keyed. */
@Entity('paper_reconciliation')
@Unique(['campaignId', 'evaluatorGroupCode'])
export class PaperReconciliationEntry extends CampaignOwned {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  /** Paper sheets handed out to the group (发放). */
  @Column({ type: 'integer' })
  slipsIssued: number;

  /** Spoilt sheets returned but not keyed in (counted by hand). */
  @Column({ type: 'integer', default: 0 })
  spoiltNotKeyed: number;

  @UpdatedAt()
  updatedAt: Date;

  @Actor({ nullable: true })
  updatedBy: string | null;
}
