import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { GroupOfCampaign } from '../database/references';
import { CampaignOwned } from '../database/owned-columns';

/**
 * A contact of an evaluator group (e.g. the 人大 liaison office): who the
 * office reminds when the group's ballots lag behind its quota. Names no
 * evaluator and no ballot.
 */
@ObjectType('EvaluatorGroupContact')
@Entity('evaluator_group_contact')
@Index(['campaignId', 'evaluatorGroupCode'])
export class EvaluatorGroupContact extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: "The evaluator group's code" })
  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'CASCADE' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  @Field(() => String, { description: 'Person or desk, e.g. 市人大代表联络处 王科长' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The office they work in (addressee of the reminder notice)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;
}
