import { type RectificationState } from '@pingyi/domain';
import { type QueryDeepPartialEntity } from 'typeorm';
import { RectificationItem } from '../../src/rectification/rectification-item.entity';
import { type TestServer } from '@pingyi/testing';

/** The host bureau's id (where `admin` and the users made by the app live). */
export async function hostBureauId(app: TestServer): Promise<number> {
  const rows: { id: number }[] = await app.dataSource.query(`SELECT id FROM bureau WHERE code = 'default'`);
  return Number(rows[0]?.id);
}

/** What a fixture item may set; the rest gets values fit for its state. */
export type ItemFixture = Partial<Omit<RectificationItem, 'campaignId'>> & {
  campaignId: string | number;
  unitCode: string;
  state: RectificationState;
};

const PLANNED: readonly RectificationState[] = ['planned', 'inProgress', 'rectified', 'accepted'];

/**
 * Inserts items directly in the state a test needs (fast: no lifecycle walk),
 * with the fields that state implies (a plan, owner and deadline once planned;
 * a public response once rectified; a closing date once accepted).
 */
export async function insertItems(
  app: TestServer,
  fixtures: readonly ItemFixture[],
  bureauId?: number,
): Promise<number[]> {
  const bureau = bureauId ?? (await hostBureauId(app));
  const rows = fixtures.map((f) => {
    const planned = PLANNED.includes(f.state);
    return {
      bureauId: bureau,
      title: `item in ${f.state}`,
      description: '',
      source: null,
      plan: planned ? '整改方案' : null,
      owner: planned ? '张三' : null,
      deadline: planned ? '2026-12-31' : null,
      evidence: [],
      publicResponse: f.state === 'rectified' || f.state === 'accepted' ? '已回应' : null,
      progress: null,
      rebounds: 0,
      lookBacks: 0,
      weight: null,
      supervised: false,
      supervisingLeader: null,
      reportingIntervalDays: null,
      supervisedSince: null,
      supervisionReportDue: null,
      lookBackDue: null,
      openedOn: '2026-11-20',
      closedOn: f.state === 'accepted' ? '2026-11-30' : null,
      parentId: null,
      ...f,
      campaignId: Number(f.campaignId),
    };
  });
  const ids: number[] = [];
  const repository = app.dataSource.getRepository(RectificationItem);
  for (let i = 0; i < rows.length; i += 200) {
    const result = await repository.insert(rows.slice(i, i + 200) as QueryDeepPartialEntity<RectificationItem>[]);
    ids.push(...result.identifiers.map((identifier) => Number(identifier.id)));
  }
  return ids;
}

/** The stored row of an item. */
export function storedItem(app: TestServer, id: number | string): Promise<RectificationItem> {
  return app.dataSource.getRepository(RectificationItem).findOneByOrFail({ id: Number(id) });
}
