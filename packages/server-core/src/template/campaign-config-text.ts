import { PingyiError } from '@pingyi/domain';
import { isMap, isNode, isScalar, LineCounter, parseDocument, stringify, visit } from 'yaml';
import { FILE_LIMIT_EXCEEDED } from '../file-limits/file-limits';
import { type CampaignConfig } from './campaign-config';
import { type ProblemData } from '../common/problem-result';

/** The file formats a campaign configuration is written in. */
export type CampaignConfigFormat = 'json' | 'yaml';
export const CAMPAIGN_CONFIG_FORMATS: readonly CampaignConfigFormat[] = ['json', 'yaml'];

/** The format a file name implies (`.json`, `.yaml`/`.yml`); null when neither. */
export function formatOfFileName(file: string): CampaignConfigFormat | null {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return null;
}

function checkFormat(format: unknown): CampaignConfigFormat {
  if (format === 'json' || format === 'yaml') return format;
  throw new PingyiError('INVALID_ARGUMENT', `must be json or yaml, got ${JSON.stringify(format)}`, 'format');
}

const YAML_HEADER =
  '# Pingyi campaign configuration (format pingyi-campaign, version 1).\n# Edit, then import it: pingyi campaign init writes one, importCampaignConfig reads it.\n';

/** Writes a configuration as text: JSON with two-space indents, or YAML (no line folding, no aliases). */
export function formatCampaignConfig(config: CampaignConfig, format: CampaignConfigFormat): string {
  if (checkFormat(format) === 'json') return `${JSON.stringify(config, null, 2)}\n`;
  return YAML_HEADER + stringify(config, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Reads configuration text into plain data (not yet checked). Syntax errors
 * are `INVALID_CAMPAIGN_CONFIG`, each with its line and column in
 * `details.problems`.
 */
export function parseCampaignConfigText(text: string, format: CampaignConfigFormat): unknown {
  const body = text.replace(/^\uFEFF/, '');
  return checkFormat(format) === 'json' ? parseJson(body) : parseYaml(body);
}

function fail(what: string, problems: ProblemData[]): never {
  const first = problems[0] as ProblemData;
  throw new PingyiError('INVALID_CAMPAIGN_CONFIG', `not valid ${what}: ${first.path}: ${first.message}`, undefined, {
    problems,
    line: first.line ?? null,
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = String((error as Error).message);
    const position = /at position (\d+)/.exec(message);
    if (!position) return fail('JSON', [{ path: '(file)', message, code: 'INVALID_CAMPAIGN_CONFIG' }]);
    const before = body.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return fail('JSON', [
      {
        path: `line ${line}, column ${column}`,
        message: message.replace(/ in JSON at position \d+.*/s, ''),
        code: 'INVALID_CAMPAIGN_CONFIG',
        line,
      },
    ]);
  }
}

/** Most nodes (scalars, maps, lists, aliases) of a YAML configuration: the seed's has a few thousand. */
export const MAX_YAML_NODES = 200_000;
/** Most alias uses while the YAML becomes data (no "billion laughs"). */
export const MAX_YAML_ALIASES = 100;

const limitProblem = (limit: 'yamlNodes' | 'yamlAliases', max: number, message: string): ProblemData => ({
  path: '(file)',
  message: `${message} (limit ${limit} = ${max})`,
  code: FILE_LIMIT_EXCEEDED,
});

function parseYaml(body: string): unknown {
  // The core schema only: plain data, no custom tags. Keys are checked for
  // repeats here, in one pass (the library's own check is quadratic in the
  // size of a map), with the nodes counted; aliases are limited.
  const lineCounter = new LineCounter();
  const document = parseDocument(body, { uniqueKeys: false, prettyErrors: true, schema: 'core', lineCounter });
  const problems: (ProblemData & { offset: number })[] = document.errors.map((error) => {
    const at = error.linePos?.[0];
    return {
      path: at ? `line ${at.line}, column ${at.col}` : '(file)',
      message: error.message.split('\n')[0] as string,
      code: 'INVALID_CAMPAIGN_CONFIG',
      line: at?.line ?? null,
      offset: error.pos[0],
    };
  });
  let nodes = 0;
  visit(document, {
    Node(_, node) {
      if ((nodes += 1) > MAX_YAML_NODES)
        return fail('YAML', [limitProblem('yamlNodes', MAX_YAML_NODES, `more than ${MAX_YAML_NODES} values`)]);
      if (!isMap(node)) return undefined;
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const offset = isNode(pair.key) && pair.key.range ? pair.key.range[0] : 0;
        if (seen.has(key) && problems.length < 500) {
          const at = lineCounter.linePos(offset);
          problems.push({
            path: `line ${at.line}, column ${at.col}`,
            message: 'Map keys must be unique',
            code: 'INVALID_CAMPAIGN_CONFIG',
            line: at.line,
            offset,
          });
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  if (problems.length > 0)
    return fail(
      'YAML',
      problems.sort((a, b) => a.offset - b.offset).map(({ offset: _offset, ...problem }) => problem),
    );
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    if (/alias/i.test(message))
      return fail('YAML', [limitProblem('yamlAliases', MAX_YAML_ALIASES, 'the aliases expand too much')]);
    return fail('YAML', [{ path: '(file)', message, code: 'INVALID_CAMPAIGN_CONFIG' }]);
  }
}
