import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/record-columns';

/**
 * A bureau (市公安局): the tenant. Every bureau-owned row carries its
 * `bureauId`, and users see only their own bureau's rows. The host bureau is
 * the one created on first start; its admins may add other bureaus.
 */
@ObjectType('Bureau')
@Entity('bureau')
export class Bureau {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Short unique code, e.g. city-psb' })
  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Boolean, { description: 'The bureau created on first start, whose admins may add bureaus' })
  @Column({ type: 'boolean', default: false })
  host: boolean;

  @CreatedAt()
  createdAt: Date;
}
