import { addDays } from '@pingyi/domain';
import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, phasesAround, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CREATE = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { __typename ... on User { id username unitCode } ... on ErrorResult { errorCode message path } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) { __typename ... on User { unitCode } ... on ErrorResult { errorCode message path } }
}`;
const BUREAU_UNITS = '{ bureauUnits { code name } }';
const liaison = (username: string, unitCode: string) => ({
  username,
  displayName: username,
  password: 'liaison-password-1',
  roles: ['liaison'],
  unitCode,
});

/** A liaison's unit is one of the bureau's units (issue 16): a typo is refused, not saved. */
describe("a liaison's unit", () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await createTestServer();
    admin = await server.adminToken();
    const earlier = await createCampaign(server, admin, { name: '上一年度评议工作' });
    // last year's: its phases a year back (a bureau has one campaign a year)
    const phases = phasesAround('appraisal').map((phase) => ({
      ...phase,
      start: addDays(phase.start, -366),
      end: addDays(phase.end, -366),
    }));
    await server.gqlOk(
      `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ... on ErrorResult { errorCode message } } }`,
      { id: earlier, input: { phases, year: Number(phases[0]?.start.slice(0, 4)) } },
      admin,
    );
    const latest = await createCampaign(server, admin, { name: '今年的评议工作' });
    // this year the traffic police are renamed and a unit is added
    await server.gqlOk(
      `mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { __typename ... on ErrorResult { errorCode message } } }`,
      {
        c: latest,
        units: [
          { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
          { code: 'traffic-police', name: '交通警察支队', parentCode: 'bureau', appraised: true },
          { code: 'cyber', name: '网安支队', parentCode: 'bureau', appraised: true },
        ],
      },
      admin,
    );
  });
  afterAll(() => server?.close());

  it("lists the bureau's units once each, named as in the latest campaign", async () => {
    const { bureauUnits } = await server.gqlOk<{ bureauUnits: { code: string; name: string }[] }>(
      BUREAU_UNITS,
      {},
      admin,
    );
    const byCode = Object.fromEntries(bureauUnits.map((unit) => [unit.code, unit.name]));
    expect(bureauUnits).toHaveLength(new Set(bureauUnits.map((unit) => unit.code)).size);
    expect(byCode).toMatchObject({ 'traffic-police': '交通警察支队', cyber: '网安支队', 'legal-affairs': '法制处' });
  });

  it('is readable by admins and the office only', async () => {
    const { errors } = await server.gql(BUREAU_UNITS, {}, await server.loginAs(Role.leader));
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a unit no campaign of the bureau has, on create and on update', async () => {
    const typo = await server.gql(CREATE, { input: liaison('liaison-typo', 'trafic-police') }, admin);
    expect(typo.data.createUser).toMatchObject({ __typename: 'InvalidArgumentError', path: 'input.unitCode' });
    expect(typo.data.createUser.message).toMatch(/no unit trafic-police/);
    // a unit of an earlier campaign only is still the bureau's
    const created = await server.gqlOk<{ createUser: { id: string; unitCode: string } }>(
      CREATE,
      { input: liaison('liaison-legal', 'legal-affairs') },
      admin,
    );
    expect(created.createUser.unitCode).toBe('legal-affairs');
    const moved = await server.gql(UPDATE, { id: created.createUser.id, input: { unitCode: 'cybr' } }, admin);
    expect(moved.data.updateUser).toMatchObject({ __typename: 'InvalidArgumentError', path: 'input.unitCode' });
    const fixed = await server.gqlOk<{ updateUser: { unitCode: string } }>(
      UPDATE,
      { id: created.createUser.id, input: { unitCode: 'cyber' } },
      admin,
    );
    expect(fixed.updateUser.unitCode).toBe('cyber');
  });

  it("does not look at another bureau's units", async () => {
    const other = await server.createBureau('liaison-units-other');
    const { data } = await server.gql(CREATE, { input: liaison('other-liaison', 'cyber') }, other.adminToken);
    // that bureau has no unit tree yet: nothing to check against, the code is taken
    expect(data.createUser).toMatchObject({ __typename: 'User', unitCode: 'cyber' });
    await createCampaign(server, other.adminToken, { name: '另一局的评议工作' });
    const refused = await server.gql(CREATE, { input: liaison('other-liaison-2', 'cyber') }, other.adminToken);
    expect(refused.data.createUser).toMatchObject({ __typename: 'InvalidArgumentError', path: 'input.unitCode' });
  });
});
