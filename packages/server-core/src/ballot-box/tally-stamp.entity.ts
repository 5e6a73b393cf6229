import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Campaign } from '../campaign/campaign.entity';

/**
 * A campaign's tally stamp: a random value replaced, in the same transaction,
 * by every write that changes the campaign's counted ratings (the mixer's
 * batches, a paper batch withdrawn). While it stays the same the counted part
 * of the tally is the same, so each server keeps it in memory
 * (`results/counted-tally-cache.ts`). Random, not a counter or a time: it says
 * nothing of when or in what order ballots were counted, and a restored backup
 * brings the stamp of exactly the rows it restores.
 */
@Entity('tally_stamp')
export class TallyStamp {
  @PrimaryColumn({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** Random UUID. */
  @Column({ type: 'varchar', length: 36 })
  stamp: string;
}
