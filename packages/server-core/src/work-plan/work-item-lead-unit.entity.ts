import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Unit } from '../organization/unit.entity';
import type { WorkItem } from './work-item.entity';

/** A lead unit (牵头单位) of a work item, in the order printed. A unit that leads an item cannot be removed. */
@Entity('work_item_lead_unit')
@Index(['unitId'])
export class WorkItemLeadUnit {
  @PrimaryColumn({ type: 'integer' })
  workItemId: number;

  @PrimaryColumn({ type: 'integer' })
  unitId: number;

  @Column({ type: 'integer' })
  position: number;

  @ManyToOne('WorkItem', (item: WorkItem) => item.leadUnitLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_item_id' })
  workItem?: WorkItem;

  @ManyToOne(() => Unit, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;
}
