import { type QueryRunner, TableForeignKey, type TableUnique } from 'typeorm';
import { isPostgres } from '../../database/migration-columns';

// What the referential-integrity migration adds, as data: the composite
// references of every campaign-owned row and the local-date columns. The
// entities declare the same keys (database/references.ts); the migration
// test checks both produce one schema.

type OnDelete = 'CASCADE' | 'RESTRICT' | 'NO ACTION';

/** Tables whose `(bureau_id, campaign_id)` must be a campaign of that bureau, and what deleting the campaign does to them. */
export const CAMPAIGN_ROWS: readonly (readonly [table: string, onDelete: OnDelete])[] = [
  ['evaluator_group', 'CASCADE'],
  ['unit', 'CASCADE'],
  ['leading_group_member', 'CASCADE'],
  ['appraisal_office_member', 'CASCADE'],
  ['unit_plan', 'CASCADE'],
  ['theme', 'CASCADE'],
  ['work_item', 'CASCADE'],
  // a campaign with ballots or published results is archived, never deleted
  ['ballot', 'RESTRICT'],
  ['result_snapshot', 'RESTRICT'],
  ['opinion', 'CASCADE'],
  ['bulletin', 'CASCADE'],
  ['access_code_batch', 'CASCADE'],
  ['access_code', 'CASCADE'],
  ['paper_batch', 'CASCADE'],
  ['paper_keying', 'CASCADE'],
  ['paper_reconciliation', 'CASCADE'],
  ['opinion_problem', 'CASCADE'],
  ['campaign_indicator', 'CASCADE'],
  ['unit_indicator_value', 'CASCADE'],
  ['rectification_item', 'CASCADE'],
  ['attachment', 'CASCADE'],
  ['policy_action', 'CASCADE'],
  ['inspection', 'CASCADE'],
  ['criticism_notice', 'CASCADE'],
  ['accountability_record', 'CASCADE'],
];

/** Tables whose `(campaign_id, unit_code)` names a unit of the campaign. */
export const UNIT_ROWS: readonly string[] = [
  'rating',
  'opinion',
  'unit_plan',
  'opinion_problem',
  'unit_indicator_value',
  'rectification_item',
  'attachment',
  'policy_action',
  'inspection',
  'criticism_notice',
  'accountability_record',
];

/** Tables whose `(campaign_id, evaluator_group_code)` names an evaluator group of the campaign. */
export const GROUP_ROWS: readonly string[] = [
  'ballot',
  'rating',
  'opinion',
  'access_code_batch',
  'access_code',
  'paper_reconciliation',
];

/** Local dates kept as `varchar(10)` until now; every local date is a `date` column from here on. */
export const DATE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  rectification_item: [
    'deadline',
    'supervised_since',
    'supervision_report_due',
    'look_back_due',
    'opened_on',
    'closed_on',
  ],
  rectification_history: ['date'],
  policy_action: ['adopted_on'],
  inspection: ['date'],
  criticism_notice: ['issued_on'],
  accountability_record: ['decided_on'],
};

// References to what a campaign holds (units, groups, items, batches) are
// checked at commit (NO ACTION, DEFERRABLE INITIALLY DEFERRED), not row by row
// (RESTRICT): deleting a whole campaign cascades to the unit and, one level
// further, to the rows naming it (a work item's lead units, a policy action's
// items), and both databases would otherwise refuse or pass by the order the
// cascades run in. Removing one unit is refused before it is tried (IN_USE).
export const DEFERRED = 'INITIALLY DEFERRED';
const fk = (
  columnNames: string[],
  referencedTableName: string,
  referencedColumnNames: string[],
  onDelete: OnDelete,
): TableForeignKey =>
  new TableForeignKey({
    columnNames,
    referencedTableName,
    referencedColumnNames,
    onDelete,
    ...(onDelete === 'NO ACTION' ? { deferrable: DEFERRED } : {}),
  });

/** The foreign keys the migration adds to `table`. */
export function foreignKeysOf(table: string): TableForeignKey[] {
  const keys: TableForeignKey[] = [];
  const campaign = CAMPAIGN_ROWS.find(([name]) => name === table);
  if (campaign) keys.push(fk(['bureau_id', 'campaign_id'], 'campaign', ['bureau_id', 'id'], campaign[1]));
  if (UNIT_ROWS.includes(table))
    keys.push(fk(['campaign_id', 'unit_code'], 'unit', ['campaign_id', 'code'], 'NO ACTION'));
  if (GROUP_ROWS.includes(table))
    keys.push(fk(['campaign_id', 'evaluator_group_code'], 'evaluator_group', ['campaign_id', 'code'], 'NO ACTION'));
  if (table === 'ballot') keys.push(fk(['paper_batch_id'], 'paper_batch', ['id'], 'NO ACTION'));
  if (table === 'work_item_lead_unit') keys.push(fk(['unit_id'], 'unit', ['id'], 'NO ACTION'));
  return keys;
}

/** The keys the migration replaces: the plain campaign key, and the lead units' RESTRICT key to the unit. */
export const isReplacedKey =
  (table: string) =>
  (key: TableForeignKey): boolean =>
    isPlainCampaignKey(key) || (table === 'work_item_lead_unit' && key.referencedTableName === 'unit');

/** Every table the migration rebuilds, parents first. */
export function tablesToConstrain(): string[] {
  return [
    ...new Set([
      ...CAMPAIGN_ROWS.map(([table]) => table),
      ...UNIT_ROWS,
      ...GROUP_ROWS,
      ...Object.keys(DATE_COLUMNS),
      'work_item_lead_unit',
    ]),
  ];
}

/** The old single-column `campaign_id → campaign(id)` key the composite one replaces. */
export const isPlainCampaignKey = (key: TableForeignKey): boolean =>
  key.referencedTableName === 'campaign' && key.columnNames.length === 1 && key.columnNames[0] === 'campaign_id';

/**
 * Changes one table in place: drops `dropKeys`, retypes `dates`, adds
 * `uniques` and `addKeys`. On SQLite that is one rebuild through TypeORM's
 * table API (the old table is copied into the new definition, WITHOUT ROWID
 * kept); on PostgreSQL, ALTER TABLE statements that keep the rows.
 */
export async function alterTable(
  queryRunner: QueryRunner,
  name: string,
  change: {
    dropKeys: (key: TableForeignKey) => boolean;
    addKeys: TableForeignKey[];
    dates: { columns: readonly string[]; to: 'date' | 'varchar' };
    notNull?: readonly string[];
    uniques?: TableUnique[];
  },
): Promise<void> {
  const table = await queryRunner.getTable(name);
  if (!table) throw new Error(`table ${name} is missing`);
  const dropKeys = table.foreignKeys.filter(change.dropKeys);
  if (isPostgres(queryRunner)) {
    if (dropKeys.length > 0) await queryRunner.dropForeignKeys(table, dropKeys);
    for (const column of change.notNull ?? [])
      await queryRunner.query(`ALTER TABLE "${name}" ALTER COLUMN "${column}" SET NOT NULL`);
    for (const column of change.dates.columns) {
      const sql =
        change.dates.to === 'date'
          ? `TYPE date USING "${column}"::date`
          : `TYPE varchar(10) USING to_char("${column}", 'YYYY-MM-DD')`;
      await queryRunner.query(`ALTER TABLE "${name}" ALTER COLUMN "${column}" ${sql}`);
    }
    if (change.uniques?.length) await queryRunner.createUniqueConstraints(table, change.uniques);
    if (change.addKeys.length > 0) await queryRunner.createForeignKeys(table, change.addKeys);
    return;
  }
  for (const key of dropKeys) table.removeForeignKey(key);
  for (const column of change.notNull ?? []) {
    const found = table.findColumnByName(column);
    if (found) found.isNullable = false;
  }
  for (const name of change.dates.columns) {
    const column = table.findColumnByName(name);
    if (!column) throw new Error(`column ${table.name}.${name} is missing`);
    column.type = change.dates.to;
    column.length = change.dates.to === 'date' ? '' : '10';
  }
  for (const unique of change.uniques ?? []) table.addUniqueConstraint(unique);
  // createForeignKeys copies the (changed) table into a new one with the keys: one rebuild
  await queryRunner.createForeignKeys(table, change.addKeys);
}

/** Rows of `table` whose key `key` names nothing; with the key's columns, for a message. */
export async function countDangling(queryRunner: QueryRunner, table: string, key: TableForeignKey): Promise<number> {
  const present = key.columnNames.map((column) => `t."${column}" IS NOT NULL`).join(' AND ');
  const match = key.columnNames.map((column, i) => `r."${key.referencedColumnNames[i]}" = t."${column}"`).join(' AND ');
  const rows = (await queryRunner.query(
    `SELECT COUNT(*) AS n FROM "${table}" t WHERE ${present} AND NOT EXISTS (SELECT 1 FROM "${key.referencedTableName}" r WHERE ${match})`,
  )) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0);
}

/** Same columns, in any order. */
export const sameColumns = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((column) => b.includes(column));

/** The item ids a `policy_action.item_ids` cell held: JSON (`[3,5]`) or comma-separated (`3,5`); anything else is skipped. */
export function parseItemIds(cell: unknown): number[] {
  const text = typeof cell === 'string' ? cell.trim() : '';
  if (text === '') return [];
  let values: unknown[];
  try {
    const parsed: unknown = JSON.parse(text);
    values = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    values = text.split(',');
  }
  const ids = values.map((value) => Number(String(value).trim())).filter((id) => Number.isSafeInteger(id) && id > 0);
  return [...new Set(ids)];
}
