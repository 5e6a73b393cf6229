import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RectificationItem } from '../rectification/rectification-item.entity';
import type { PolicyAction } from './policy-action.entity';

/** A rectification item that prompted a policy action, in the order the office listed them. */
@Entity('policy_action_item')
@Index(['itemId'])
export class PolicyActionItem {
  @PrimaryColumn({ type: 'integer' })
  policyActionId: number;

  // string target: policy-action.entity imports this file
  @ManyToOne('PolicyAction', (action: PolicyAction) => action.itemLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_action_id' })
  policyAction?: PolicyAction;

  @PrimaryColumn({ type: 'integer' })
  itemId: number;

  @ManyToOne(() => RectificationItem, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'item_id' })
  item?: RectificationItem;

  @Column({ type: 'integer' })
  position: number;
}
