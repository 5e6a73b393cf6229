import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';
import { Instant, CreatedAt } from '../database/record-columns';

/**
 * A bearer token, stored only as the SHA-256 of the random value handed to
 * the client. Revoked by logout, password change, reset and deactivation;
 * useless after `expiresAt`.
 */
@Entity('auth_token')
export class AuthToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @CreatedAt()
  createdAt: Date;

  @Instant()
  expiresAt: Date;

  @Instant({ nullable: true })
  revokedAt: Date | null;
}
