import { refusal } from '@pingyi/domain';
import {
  type DataSource,
  type EntityManager,
  type EntityMetadata,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';

/** How many rows of one kind still name a record. */
export interface ReferenceCount {
  /** Stable kind for programs and the console's labels: the referencing entity, camelCase (`rectificationItem`, `liaisonAccount`). */
  readonly kind: string;
  readonly count: number;
}

/**
 * A reference no foreign key can hold, counted by code:
 * - a liaison's account names a unit code that spans campaigns (the same code
 *   year after year), so it refers to the bureau's live units, not to one
 *   row: removing a unit is refused while an active account names its code
 *   and no other live campaign of the bureau has a unit with that code;
 * - a ballot waiting in the ballot box names its campaign, group and units
 *   inside its sealed value, where SQL cannot see them: the box registers
 *   those counts ({@link registerReferences}).
 */
export interface CodeReference {
  readonly kind: string;
  readonly referencedTable: string;
  count(manager: EntityManager, row: ObjectLiteral): Promise<number>;
}

const CODE_REFERENCES: readonly CodeReference[] = [
  {
    kind: 'liaisonAccount',
    referencedTable: 'unit',
    async count(manager, unit) {
      const pg = manager.connection.options.type === 'postgres';
      const [bureau, code, campaign] = pg ? ['$1', '$2', '$3'] : ['?', '?', '?'];
      const yes = pg ? 'true' : '1';
      const rows = (await manager.query(
        `SELECT COUNT(*) AS n FROM app_user a WHERE a.bureau_id = ${bureau} AND a.unit_code = ${code} AND a.active = ${yes}
         AND NOT EXISTS (SELECT 1 FROM unit u JOIN campaign c ON c.id = u.campaign_id
                         WHERE u.bureau_id = a.bureau_id AND u.code = a.unit_code AND u.campaign_id <> ${campaign} AND c.archived_at IS NULL)`,
        [unit.bureauId, unit.code, unit.campaignId],
      )) as { n: number | string }[];
      return Number(rows[0]?.n ?? 0);
    },
  },
];

const registered = new WeakMap<DataSource, CodeReference[]>();

/** Adds references of a data source that only their owner can count (the ballot box's sealed entries). */
export function registerReferences(dataSource: DataSource, references: readonly CodeReference[]): void {
  registered.set(dataSource, [...(registered.get(dataSource) ?? []), ...references]);
}

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** `rectificationItem`, 3 → "3 rectification items". */
export function describeCount({ kind, count }: ReferenceCount): string {
  const words = kind.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const plural = count === 1 ? words : /(s|x|ch|sh)$/.test(words) ? `${words}es` : `${words}s`;
  return `${count} ${plural}`;
}

/**
 * What still names `row` of `target`, derived from the schema itself: every
 * foreign key of every entity that points at the target and would block its
 * deletion (RESTRICT / NO ACTION; CASCADE and SET NULL rows go with it),
 * counted with one statement each, plus the {@link CODE_REFERENCES} no key can
 * hold and those registered for the data source. A new table with a foreign key is counted without anything to update.
 */
export async function referencesTo(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral,
): Promise<ReferenceCount[]> {
  const metadata = manager.connection.getMetadata(target);
  const counts = new Map<string, number>();
  for (const entity of manager.connection.entityMetadatas) {
    for (const key of entity.foreignKeys) {
      if (key.referencedEntityMetadata !== metadata || key.onDelete === 'CASCADE' || key.onDelete === 'SET NULL')
        continue;
      const count = await countReferencing(
        manager,
        entity,
        key.columns.map((column, i) => [column.propertyPath, key.referencedColumns[i]?.getEntityValue(row)]),
      );
      if (count > 0) counts.set(lowerFirst(entity.name), (counts.get(lowerFirst(entity.name)) ?? 0) + count);
    }
  }
  for (const reference of [...CODE_REFERENCES, ...(registered.get(manager.connection) ?? [])]) {
    if (reference.referencedTable !== metadata.tableName) continue;
    const count = await reference.count(manager, row);
    if (count > 0) counts.set(reference.kind, (counts.get(reference.kind) ?? 0) + count);
  }
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

async function countReferencing(
  manager: EntityManager,
  entity: EntityMetadata,
  columns: [property: string, value: unknown][],
): Promise<number> {
  if (columns.some(([, value]) => value === undefined || value === null)) return 0;
  const query = manager.createQueryBuilder(entity.target, 'referencing');
  columns.forEach(([property, value], i) =>
    query.andWhere(`referencing.${property} = :value${i}`, { [`value${i}`]: value }),
  );
  return query.getCount();
}

/** The subject of an `IN_USE` refusal: what kind of record, and how it is named to people. */
export interface InUseSubject {
  readonly kind: string;
  readonly code: string;
  readonly name: string;
}

/**
 * Throws `IN_USE` when anything still names `row`, e.g. "unit 交警支队
 * (traffic-police) is still used by 3 rectification items, 1 inspection, 2
 * liaison accounts; it cannot be removed", with `details` `{ subject, uses }`
 * (`uses`: kind → count) so a client can word it in its own language.
 */
export async function assertUnreferenced(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral,
  subject: InUseSubject,
  path: string,
): Promise<void> {
  const uses = await referencesTo(manager, target, row);
  if (uses.length === 0) return;
  const label = subject.name === subject.code ? subject.name : `${subject.name} (${subject.code})`;
  const count = uses.reduce((sum, use) => sum + use.count, 0);
  throw refusal(
    'IN_USE',
    'stillUsed',
    { kind: subject.kind, label, uses: uses.map(describeCount).join(', '), name: subject.name, count },
    path,
    {
      subject,
      uses: Object.fromEntries(uses.map((use) => [use.kind, use.count])),
    },
  );
}

/**
 * Deletes the rows that would keep `row` of `target` from being deleted (its
 * RESTRICT / NO ACTION references, found as {@link referencesTo} finds them):
 * the explicit "remove the demo campaign" path clears its ballots and
 * published results this way. Rows those rows cascade to go with them.
 */
export async function deleteReferencing(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral,
): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  for (const entity of manager.connection.entityMetadatas) {
    for (const key of entity.foreignKeys) {
      if (key.referencedEntityMetadata !== metadata || key.onDelete === 'CASCADE' || key.onDelete === 'SET NULL')
        continue;
      const query = manager.createQueryBuilder().delete().from(entity.target);
      key.columns.forEach((column, i) =>
        query.andWhere(`${column.databaseName} = :value${i}`, {
          [`value${i}`]: key.referencedColumns[i]?.getEntityValue(row),
        }),
      );
      await query.execute();
    }
  }
}
