import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Campaign } from '../campaign/campaign.entity';

/**
 * 票箱: a cast ballot waiting to be mixed into the counted tables, sealed
 * (AES-256-GCM under a key derived from the server secret, which is never in
 * the database). The row holds a random id, the campaign (so results can count
 * the box) and the sealed ballot; it is deleted when the ballot is mixed.
 */
@Entity('ballot_box')
export class BallotBoxEntry {
  /** Random UUID, also the sealed value's additional data. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index() // the migrations index it: the mixer and the tallies read a campaign's waiting ballots
  @Column({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** base64 of iv ‖ tag ‖ ciphertext (see boxed-ballot.ts). */
  @Column({ type: 'text' })
  sealed: string;
}
