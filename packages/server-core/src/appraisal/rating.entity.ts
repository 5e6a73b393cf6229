import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Ballot } from './ballot.entity';
import { Unit } from '../organization/unit.entity';
import { GroupOfCampaign, UnitOfCampaign } from '../database/references';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';

/**
 * One rating of a ballot: the level given to one unit. The campaign and the
 * evaluator group are copied from the ballot so the tally is one GROUP BY over
 * this table, served by the covering index (campaign, unit, group, level).
 * A ballot rates a unit at most once (primary key).
 */
@Entity('rating')
@Index(['campaignId', 'unitCode', 'evaluatorGroupCode', 'levelCode'])
export class Rating {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  ballotId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  unitCode: string;

  @ManyToOne(() => Unit, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @UnitOfCampaign()
  unit?: Unit;

  @ManyToOne(() => Ballot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: Ballot;

  @Column({ type: 'integer' })
  campaignId: number;

  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  @Column({ type: 'varchar', length: 64 })
  levelCode: string;
}
