import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/roles';
import { BureauOwned } from '../database/owned-columns';
import { CreatedAt, UpdatedAt } from '../database/record-columns';

/**
 * A person who signs in. Usernames are unique in the whole deployment (login
 * takes no bureau) and stored lower-case. `passwordHash` is never exposed.
 */
@ObjectType('User')
@Entity('app_user')
@Index(['bureauId'])
export class User extends BureauOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Field(() => [Role])
  @Column({ type: 'simple-array' })
  roles: Role[];

  @Field(() => String, { nullable: true, description: 'The unit a liaison is confined to' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  unitCode: string | null;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => Boolean, { description: 'Inactive users cannot sign in' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
