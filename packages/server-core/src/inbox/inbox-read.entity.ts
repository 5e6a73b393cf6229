import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import { InboxEntry } from './inbox-entry.entity';
import { Instant } from '../database/record-columns';

/** That one user has read one inbox entry. */
@Entity('inbox_read')
export class InboxRead {
  @PrimaryColumn({ type: 'integer' })
  entryId: number;

  @ManyToOne(() => InboxEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: InboxEntry;

  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Instant()
  readAt: Date;
}
