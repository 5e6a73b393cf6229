import { SEED_RATING_SCALE } from '@pingyi/domain';
import { definePlugin, pluginFeatures, Role } from '@pingyi/server-core';
import { defineScoringStrategy } from '@pingyi/scoring';
import { createTestServer, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from './support/campaign-content';

// A plugin built with tsup without declaring @pingyi/domain gets its own bundled copy: here,
// domain's CommonJS build evaluated again from another file is that copy.
function bundledDomainCopy(): { PingyiError: new (code: string, message: string, path?: string) => Error } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bundled-domain-'));
  const file = path.join(dir, 'domain-copy.cjs');
  fs.copyFileSync(createRequire(__filename).resolve('@pingyi/domain'), file);
  return createRequire(__filename)(file) as ReturnType<typeof bundledDomainCopy>;
}

const PREVIEW = `query($c: ID!, $p: String!) { previewStandings(campaignId: $c, policyJson: $p) {
  __typename ... on CampaignStandings { strategyCode } ... on ErrorResult { errorCode message path } } }`;

describe('a plugin that throws coded errors from its own bundled copy of @pingyi/domain', () => {
  let server: TestServer;
  let office: string;
  let campaignId: string;

  beforeAll(async () => {
    const { PingyiError: BundledPingyiError } = bundledDomainCopy();
    const strategy = defineScoringStrategy({
      code: 'bundled/capped',
      label: 'capped',
      description: 'refuses a cap over 100',
      args: { cap: { type: 'number', label: 'cap', default: 100 } },
      checkPolicy(_policy, args) {
        if (args.cap > 100) throw new BundledPingyiError('INVALID_POLICY', 'must be at most 100', 'strategy.args.cap');
      },
      score: () => 50,
    });
    const plugin = definePlugin({
      name: '@acme/pingyi-plugin-bundled',
      compatibility: '^0.1.0',
      strategies: [strategy],
    });
    server = await createTestServer({ plugins: pluginFeatures([{ plugin }]) });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office, 'appraisal');
  });
  afterAll(() => server?.close());

  it('previewStandings reports the field error, not INTERNAL_SERVER_ERROR', async () => {
    const policy = JSON.stringify({
      version: 1,
      scale: SEED_RATING_SCALE,
      strategy: { code: 'bundled/capped', args: { cap: 120 } },
    });
    const preview = await server.gql(PREVIEW, { c: campaignId, p: policy }, office);
    expect(preview.errors).toBeUndefined();
    expect(preview.data.previewStandings).toMatchObject({
      __typename: 'InvalidPolicyError',
      errorCode: 'INVALID_POLICY',
      message: expect.stringMatching(/must be at most 100/),
    });
    expect(preview.data.previewStandings.path).toMatch(/strategy\.args\.cap$/);
  });
});
