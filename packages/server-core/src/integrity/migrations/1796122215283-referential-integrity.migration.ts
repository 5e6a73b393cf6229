import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { column, dateTimeColumn, isPostgres } from '../../database/migration-columns';
import {
  alterTable,
  CAMPAIGN_ROWS,
  countDangling,
  DEFERRED,
  DATE_COLUMNS,
  foreignKeysOf,
  GROUP_ROWS,
  isReplacedKey,
  parseItemIds,
  sameColumns,
  tablesToConstrain,
  UNIT_ROWS,
} from './integrity-plan';

const LIVE_YEAR = (): TableIndex =>
  new TableIndex({ columnNames: ['bureau_id', 'year'], isUnique: true, where: 'archived_at IS NULL' });
/** Tables that had a plain `campaign_id → campaign(id)` key before (paper_keying and attachment had none). */
const HAD_CAMPAIGN_KEY = CAMPAIGN_ROWS.map(([table]) => table).filter(
  (table) => table !== 'paper_keying' && table !== 'attachment',
);

/**
 * Referential integrity: composite foreign keys so a row's bureau is its
 * campaign's and the units and evaluator groups it names exist in that
 * campaign; ballots and published results keep their campaign (archived, not
 * deleted); policy actions link items through `policy_action_item`; every
 * local date is a `date`. Rows that name a unit or group no longer there
 * (left by the old hand-kept checks) get it back, named by its code, so no
 * data is lost; a row whose bureau disagrees with its campaign's stops the
 * migration with its table and count.
 */
export class ReferentialIntegrity1796122215283 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const pg = isPostgres(queryRunner);
    await queryRunner.addColumn('campaign', column(dateTimeColumn(queryRunner, 'archived_at', { nullable: true })));
    const campaign = await queryRunner.getTable('campaign');
    const year = campaign?.uniques.find((unique) => sameColumns(unique.columnNames, ['bureau_id', 'year']));
    if (year) await queryRunner.dropUniqueConstraint('campaign', year);
    await queryRunner.createUniqueConstraint('campaign', new TableUnique({ columnNames: ['bureau_id', 'id'] }));
    await queryRunner.createIndex('campaign', LIVE_YEAR());

    await queryRunner.addColumn('attachment', column({ name: 'campaign_id', type: 'integer', isNullable: true }));
    await queryRunner.query(
      'UPDATE attachment SET campaign_id = (SELECT i.campaign_id FROM rectification_item i WHERE i.id = attachment.item_id)',
    );

    await this.restoreNamedCodes(queryRunner);
    await this.assertKeysHold(queryRunner);
    await this.linkPolicyActionItems(queryRunner);

    for (const table of tablesToConstrain()) {
      await alterTable(queryRunner, table, {
        dropKeys: isReplacedKey(table),
        addKeys: foreignKeysOf(table),
        dates: { columns: DATE_COLUMNS[table] ?? [], to: 'date' },
        notNull: table === 'attachment' ? ['campaign_id'] : [],
      });
    }
    if (!pg) {
      const broken = (await queryRunner.query('PRAGMA foreign_key_check')) as { table: string; parent: string }[];
      if (broken.length > 0)
        throw new Error(
          `foreign_key_check: ${broken.length} rows break a key, first ${broken[0]?.table} → ${broken[0]?.parent}`,
        );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const itemIds = new Map<number, number[]>();
    for (const row of (await queryRunner.query(
      'SELECT policy_action_id, item_id FROM policy_action_item ORDER BY policy_action_id, position',
    )) as {
      policy_action_id: number;
      item_id: number;
    }[]) {
      itemIds.set(Number(row.policy_action_id), [
        ...(itemIds.get(Number(row.policy_action_id)) ?? []),
        Number(row.item_id),
      ]);
    }
    await queryRunner.dropTable('policy_action_item');
    await queryRunner.addColumn('policy_action', column({ name: 'item_ids', type: 'text', default: "'[]'" }));
    const p = isPostgres(queryRunner) ? ['$1', '$2'] : ['?', '?'];
    for (const [id, ids] of itemIds)
      await queryRunner.query(`UPDATE policy_action SET item_ids = ${p[0]} WHERE id = ${p[1]}`, [
        JSON.stringify(ids),
        id,
      ]);

    for (const table of [...tablesToConstrain()].reverse()) {
      const added = foreignKeysOf(table);
      await alterTable(queryRunner, table, {
        dropKeys: (key) =>
          added.some(
            (other) =>
              other.referencedTableName === key.referencedTableName && sameColumns(other.columnNames, key.columnNames),
          ),
        addKeys: HAD_CAMPAIGN_KEY.includes(table)
          ? [
              new TableForeignKey({
                columnNames: ['campaign_id'],
                referencedTableName: 'campaign',
                referencedColumnNames: ['id'],
                onDelete: 'CASCADE',
              }),
            ]
          : table === 'work_item_lead_unit'
            ? [
                new TableForeignKey({
                  columnNames: ['unit_id'],
                  referencedTableName: 'unit',
                  referencedColumnNames: ['id'],
                  onDelete: 'RESTRICT',
                }),
              ]
            : [],
        dates: { columns: DATE_COLUMNS[table] ?? [], to: 'varchar' },
      });
    }
    await queryRunner.dropColumn('attachment', 'campaign_id');
    const campaign = await queryRunner.getTable('campaign');
    const liveYear = campaign?.indices.find((index) => sameColumns(index.columnNames, ['bureau_id', 'year']));
    if (liveYear) await queryRunner.dropIndex('campaign', liveYear);
    const composite = campaign?.uniques.find((unique) => sameColumns(unique.columnNames, ['bureau_id', 'id']));
    if (composite) await queryRunner.dropUniqueConstraint('campaign', composite);
    await queryRunner.createUniqueConstraint('campaign', new TableUnique({ columnNames: ['bureau_id', 'year'] }));
    await queryRunner.dropColumn('campaign', 'archived_at');
  }

  // A unit or group removed while rows still named it comes back, named by its code (not appraised, no quota).
  private async restoreNamedCodes(queryRunner: QueryRunner): Promise<void> {
    const no = isPostgres(queryRunner) ? 'false' : '0';
    for (const table of UNIT_ROWS) {
      await queryRunner.query(
        `INSERT INTO unit (bureau_id, campaign_id, code, name, parent_code, appraised, sort_order)
         SELECT DISTINCT c.bureau_id, t.campaign_id, t.unit_code, t.unit_code, NULL, ${no}, 100000 FROM "${table}" t JOIN campaign c ON c.id = t.campaign_id
         WHERE t.unit_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.campaign_id = t.campaign_id AND u.code = t.unit_code)`,
      );
    }
    for (const table of GROUP_ROWS) {
      await queryRunner.query(
        `INSERT INTO evaluator_group (bureau_id, campaign_id, code, label, quota, sort_order)
         SELECT DISTINCT c.bureau_id, t.campaign_id, t.evaluator_group_code, t.evaluator_group_code, 0, 100000 FROM "${table}" t JOIN campaign c ON c.id = t.campaign_id
         WHERE NOT EXISTS (SELECT 1 FROM evaluator_group g WHERE g.campaign_id = t.campaign_id AND g.code = t.evaluator_group_code)`,
      );
    }
    await queryRunner.query(
      'UPDATE ballot SET paper_batch_id = NULL WHERE paper_batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM paper_batch b WHERE b.id = ballot.paper_batch_id)',
    );
  }

  // What is left breaking a key cannot be repaired without guessing (a bureau other than the campaign's): stop, naming it.
  private async assertKeysHold(queryRunner: QueryRunner): Promise<void> {
    for (const table of tablesToConstrain()) {
      for (const key of foreignKeysOf(table)) {
        const dangling = await countDangling(queryRunner, table, key);
        if (dangling > 0) {
          throw new Error(
            `${dangling} row(s) of ${table} have (${key.columnNames.join(', ')}) that name no ${key.referencedTableName} (${key.referencedColumnNames.join(', ')}); fix them before upgrading`,
          );
        }
      }
    }
  }

  // item_ids (JSON or comma-separated) → policy_action_item rows, in order, items of the action's campaign only.
  private async linkPolicyActionItems(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'policy_action_item',
        columns: [
          { name: 'policy_action_id', type: 'integer', isPrimary: true },
          { name: 'item_id', type: 'integer', isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['policy_action_id'],
            referencedTableName: 'policy_action',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['item_id'],
            referencedTableName: 'rectification_item',
            referencedColumnNames: ['id'],
            onDelete: 'NO ACTION',
            deferrable: DEFERRED,
          }),
        ],
        indices: [new TableIndex({ columnNames: ['item_id'] })],
      }),
    );
    const pg = isPostgres(queryRunner);
    const actions = (await queryRunner.query('SELECT id, campaign_id, item_ids FROM policy_action')) as {
      id: number;
      campaign_id: number;
      item_ids: string | null;
    }[];
    for (const action of actions) {
      const wanted = parseItemIds(action.item_ids);
      if (wanted.length === 0) continue;
      const marks = wanted.map((_, i) => (pg ? `$${i + 2}` : '?')).join(', ');
      const found = new Set(
        (
          (await queryRunner.query(
            `SELECT id FROM rectification_item WHERE campaign_id = ${pg ? '$1' : '?'} AND id IN (${marks})`,
            [action.campaign_id, ...wanted],
          )) as { id: number }[]
        ).map((row) => Number(row.id)),
      );
      const kept = wanted.filter((id) => found.has(id));
      for (const [position, itemId] of kept.entries()) {
        await queryRunner.query(
          `INSERT INTO policy_action_item (policy_action_id, item_id, position) VALUES (${pg ? '$1, $2, $3' : '?, ?, ?'})`,
          [action.id, itemId, position],
        );
      }
    }
    await queryRunner.dropColumn('policy_action', 'item_ids');
  }
}
