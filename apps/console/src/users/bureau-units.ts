import { useGraphqlQuery } from '../data/use-graphql';
import { BUREAU_UNITS } from './users.queries';

export interface BureauUnit {
  code: string;
  name: string;
}

/** The bureau's units over all its campaigns (what a liaison may act for), and their names by code. */
export function useBureauUnits(): {
  units: readonly BureauUnit[];
  nameOf: (code: string | null | undefined) => string;
  isLoading: boolean;
} {
  const { data, isLoading } = useGraphqlQuery(['bureauUnits'], BUREAU_UNITS, {});
  const units = data?.bureauUnits ?? [];
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  return { units, nameOf: (code) => (code ? (names.get(code) ?? code) : ''), isLoading };
}
