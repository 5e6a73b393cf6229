// The plugin's strategy through a running server, over GraphQL HTTP, as the console uses it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

async function gql(url, query, variables, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const PREVIEW = `query($c: ID!, $p: String!) { previewStandings(campaignId: $c, policyJson: $p) {
  __typename ... on CampaignStandings { strategyCode standings { unitCode score rank tier } } ... on ErrorResult { errorCode message path } } }`;

/**
 * Signs in as the demo office, checks the docs' strategy query lists the plugin's strategy
 * with its declared args, and previews the demo campaign's standings with the plugin's
 * sample policy (and a refused argument, named).
 */
export async function checkServer(url, pluginDir, strategiesQuery, code) {
  const login = await gql(
    url,
    'mutation { login(username: "demo-office", password: "demo-office-pass") { __typename ... on LoginSuccess { token } } }',
  );
  const token = login.login.token;
  if (!token) throw new Error(`no sign-in: ${JSON.stringify(login)}`);
  const { scoringStrategies } = await gql(url, strategiesQuery, {}, token);
  const strategy = scoringStrategies.find((candidate) => candidate.code === code);
  if (!strategy)
    throw new Error(`${code} is not in the strategy list: ${scoringStrategies.map((s) => s.code).join(', ')}`);
  const args = JSON.parse(strategy.argsJson).map((arg) => arg.name);
  if (args.join(',') !== 'lowerMiddle,minVotes') throw new Error(`${code} declares ${args.join(',')}`);
  const { campaigns } = await gql(url, '{ campaigns { items { id year } } }', {}, token);
  const campaignId = campaigns.items[0]?.id;
  const policy = JSON.parse(readFileSync(join(pluginDir, 'policy.json'), 'utf8'));
  const preview = (await gql(url, PREVIEW, { c: campaignId, p: JSON.stringify(policy) }, token)).previewStandings;
  if (preview.__typename !== 'CampaignStandings' || preview.strategyCode !== code || preview.standings.length === 0)
    throw new Error(`previewStandings: ${JSON.stringify(preview)}`);
  const refused = (
    await gql(
      url,
      PREVIEW,
      { c: campaignId, p: JSON.stringify({ ...policy, strategy: { code, args: { minVotes: 5000 } } }) },
      token,
    )
  ).previewStandings;
  if (refused.errorCode !== 'INVALID_POLICY' || !/strategy\.args\.minVotes$/.test(refused.path ?? ''))
    throw new Error(`a refused argument: ${JSON.stringify(refused)}`);
  return {
    strategy: { code, plugin: strategy.plugin, args },
    units: preview.standings.length,
    first: preview.standings[0],
  };
}
