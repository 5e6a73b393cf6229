import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { PaginatedList } from '../../common/pagination';
import { AuditEntry } from '../audit-entry.entity';

@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Exact mutation name, e.g. login' })
  operation?: string | null;

  @Field(() => String, { nullable: true })
  username?: string | null;

  @Field(() => Boolean, { nullable: true })
  success?: boolean | null;

  @Field(() => String, { nullable: true, description: 'ISO date-time with zone; entries at or after' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date-time with zone; entries before' })
  to?: string | null;
}

@ObjectType()
export class AuditLog extends PaginatedList(AuditEntry) {}
