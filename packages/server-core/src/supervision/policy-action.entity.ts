import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { PolicyActionItem } from './policy-action-item.entity';
import {
  type PolicyActionKind,
  PolicyActionKindEnum,
  type PolicyActionState,
  PolicyActionStateEnum,
} from './supervision-enums';
import type { Unit } from '../organization/unit.entity';
import { CampaignOwned, UnitCode, UnitReference } from '../database/owned-columns';
import { Actor, LocalDay, CreatedAt, UpdatedAt } from '../database/record-columns';

/**
 * 建章立制: a rule to add, revise, abolish or promote as lasting practice,
 * linked to the rectification items that prompted it.
 */
@ObjectType('PolicyAction')
@Entity('policy_action')
@Index(['bureauId', 'campaignId', 'state'])
export class PolicyAction extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @UnitCode({ nullable: true, description: 'The unit whose practice it is; none for the whole bureau' })
  unitCode: string | null;

  @UnitReference()
  unit?: Unit;

  @Field(() => PolicyActionKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: PolicyActionKind;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { description: 'The rule as written' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => PolicyActionStateEnum)
  @Column({ type: 'varchar', length: 16 })
  state: PolicyActionState;

  /** The linked items (rows of `policy_action_item`); load them with the action. */
  @OneToMany(() => PolicyActionItem, (link) => link.policyAction)
  itemLinks?: PolicyActionItem[];

  @Field(() => [ID], { description: 'Rectification items that prompted it' })
  get itemIds(): number[] {
    return [...(this.itemLinks ?? [])].sort((a, b) => a.position - b.position).map((link) => link.itemId);
  }

  @LocalDay({ nullable: true, description: 'Local date it was adopted' })
  adoptedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Actor({ nullable: true })
  createdBy: string | null;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
