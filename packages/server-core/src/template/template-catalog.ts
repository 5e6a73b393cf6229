import { PingyiError } from '@pingyi/domain';
import { type PluginRegistry } from '../plugin/plugin-registry';
import { type CampaignTemplate } from '../plugin/campaign-template';
import { SEED_TEMPLATE } from './seed-template';

/** A template and where it comes from (null: built in). */
export interface CatalogTemplate {
  readonly template: CampaignTemplate;
  readonly plugin: string | null;
}

/** The templates a deployment offers: the built-in `seed`, then each plugin's, in config order. */
export function listTemplates(plugins: PluginRegistry): CatalogTemplate[] {
  return [
    { template: SEED_TEMPLATE, plugin: null },
    ...plugins.templates().map(({ value, plugin }) => ({ template: value, plugin })),
  ];
}

/** The template with `code`; `UNKNOWN_TEMPLATE` listing the known codes otherwise. */
export function findTemplateOrThrow(plugins: PluginRegistry, code: string, path = 'template'): CatalogTemplate {
  const all = listTemplates(plugins);
  const found = all.find((entry) => entry.template.code === code);
  if (!found)
    throw new PingyiError(
      'UNKNOWN_TEMPLATE',
      `no campaign template "${code}" (known: ${all.map((entry) => entry.template.code).join(', ')})`,
      path,
    );
  return found;
}
