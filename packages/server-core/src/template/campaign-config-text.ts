import { PingyiError } from '@pingyi/domain';
import { type CampaignConfig } from './campaign-config';

/** The file formats a campaign configuration is written in. */
export type CampaignConfigFormat = 'json' | 'yaml';
export const CAMPAIGN_CONFIG_FORMATS: readonly CampaignConfigFormat[] = ['json'];

/** The format a file name implies (`.json`, `.yaml`/`.yml`); null when neither. */
export function formatOfFileName(file: string): CampaignConfigFormat | null {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return null;
}

/** Writes a configuration as text: JSON with two-space indents. */
export function formatCampaignConfig(config: CampaignConfig, format: CampaignConfigFormat): string {
  if (format !== 'json') throw new PingyiError('INVALID_ARGUMENT', `unsupported format "${String(format)}" (json)`, 'format');
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * Reads configuration text into plain data (not yet checked). A syntax
 * error is `INVALID_CAMPAIGN_CONFIG` naming the line and column.
 */
export function parseCampaignConfigText(text: string, format: CampaignConfigFormat): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (format !== 'json') throw new PingyiError('INVALID_ARGUMENT', `unsupported format "${String(format)}" (json)`, 'format');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = String((error as Error).message);
    const position = /at position (\d+)/.exec(message);
    if (!position) throw new PingyiError('INVALID_CAMPAIGN_CONFIG', `not valid JSON: ${message}`, '(file)');
    const before = body.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new PingyiError('INVALID_CAMPAIGN_CONFIG', `not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*/s, '')}`, `line ${line}`, { line });
  }
}
