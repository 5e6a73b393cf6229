import { type Type } from '@nestjs/common';
import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type ObjectLiteral, type QueryRunner, type SelectQueryBuilder } from 'typeorm';
import { currentTransaction } from '../database/transaction-context';
import { checkInt, checkOneOf } from './validation';

export const DEFAULT_TAKE = 20;
export const MAX_TAKE = 100;
const MAX_SKIP = 1_000_000;
const MAX_SORT_FIELDS = 3;

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

@InputType({ description: 'Sort by one field of the listed type' })
export class SortInput {
  @Field(() => String)
  field: string;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  order: SortOrder;
}

/** Paging and sorting of every list query; filters are per list (`filter: AuditLogFilter`). */
@InputType({ description: 'Paging and sorting: skip ≥ 0, 1 ≤ take ≤ 100 (default 20)' })
export class ListOptions {
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  skip?: number;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_TAKE })
  take?: number;

  @Field(() => [SortInput], { nullable: true })
  sort?: SortInput[];
}

/** One page of a list: the items and how many there are in all (for page counts). */
export interface Page<T> {
  readonly items: T[];
  readonly totalItems: number;
}

/**
 * The GraphQL type of a page, e.g.
 * `@ObjectType() class UserList extends PaginatedList(User) {}`.
 */
export function PaginatedList<T>(itemType: Type<T>): Type<Page<T>> {
  @ObjectType({ isAbstract: true })
  abstract class PaginatedListType implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: 'All items matching the filter, on every page' })
    totalItems: number;
  }
  return PaginatedListType as unknown as Type<Page<T>>;
}

/** How a list may be sorted: GraphQL field name → entity property path of the query builder. */
export interface ListSpec {
  /** `{ at: 'entry.at', username: 'entry.username' }` */
  readonly sortable: Readonly<Record<string, string>>;
  /** Order when the client gives none; the primary key is always added last so pages are stable. */
  readonly defaultSort: readonly (readonly [field: string, order: SortOrder])[];
  /** Argument name for messages (default `options`). */
  readonly path?: string;
}

/** Checked paging values. */
export interface CheckedListOptions {
  readonly skip: number;
  readonly take: number;
  readonly sort: readonly (readonly [property: string, order: SortOrder])[];
}

/** Validates `skip`, `take` and `sort` against the list's spec; messages name the field. */
export function checkListOptions(options: ListOptions | null | undefined, spec: ListSpec): CheckedListOptions {
  const at = spec.path ?? 'options';
  const skip = checkInt(options?.skip ?? 0, `${at}.skip`, 0, MAX_SKIP);
  const take = checkInt(options?.take ?? DEFAULT_TAKE, `${at}.take`, 1, MAX_TAKE);
  const fields = Object.keys(spec.sortable);
  const requested = options?.sort?.length
    ? options.sort.map((s) => [s.field, s.order ?? SortOrder.ASC] as const)
    : spec.defaultSort;
  if (requested.length > MAX_SORT_FIELDS)
    checkInt(requested.length, `${at}.sort (number of fields)`, 0, MAX_SORT_FIELDS);
  const sort = requested.map(([field, order], i) => {
    const checked = checkOneOf(field, `${at}.sort[${i}].field`, fields);
    return [
      spec.sortable[checked] as string,
      checkOneOf(order, `${at}.sort[${i}].order`, [SortOrder.ASC, SortOrder.DESC]),
    ] as const;
  });
  return { skip, take, sort };
}

/**
 * Fetches one page with two SQL statements (the page, the count; three when the
 * query joins to-many relations and TypeORM must page distinct ids first).
 * The query builder must already carry the bureau filter and list filters.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  options: ListOptions | null | undefined,
  spec: ListSpec,
): Promise<Page<T>> {
  const { skip, take, sort } = checkListOptions(options, spec);
  sort.forEach(([property, order], i) =>
    i === 0 ? query.orderBy(property, order) : query.addOrderBy(property, order),
  );
  query.addOrderBy(`${query.alias}.id`, sort[sort.length - 1]?.[1] ?? SortOrder.ASC);
  // a list shown in the console tolerates a replica's lag: outside a transaction it reads one
  // (DATABASE_READ_URLS; the primary when there is none)
  const own = (query as unknown as { queryRunner?: QueryRunner }).queryRunner;
  const replica = own || currentTransaction() ? undefined : query.connection.createQueryRunner('slave');
  try {
    if (replica) query.setQueryRunner(replica);
    const [items, totalItems] = await query.skip(skip).take(take).getManyAndCount();
    return { items, totalItems };
  } finally {
    await replica?.release();
  }
}
