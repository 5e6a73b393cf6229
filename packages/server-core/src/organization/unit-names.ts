import { type EntityManager, In } from 'typeorm';
import { Unit } from './unit.entity';

/**
 * The names of a campaign's units by code, for text people read (inbox
 * messages, documents): a code with no unit keeps the code.
 */
export async function unitNamesOf(
  manager: EntityManager,
  campaignId: number,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  const names = new Map(wanted.map((code) => [code, code]));
  if (wanted.length === 0) return names;
  const units = await manager.find(Unit, {
    select: { code: true, name: true },
    where: { campaignId, code: In(wanted) },
  });
  for (const unit of units) names.set(unit.code, unit.name);
  return names;
}
