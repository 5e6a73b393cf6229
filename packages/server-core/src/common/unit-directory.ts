/**
 * Answers whether a unit exists in a bureau. The organization module provides
 * it (token {@link UNIT_DIRECTORY}); until then a liaison's unit code is only
 * checked for shape.
 */
export interface UnitDirectory {
  hasUnit(bureauId: number, unitCode: string): Promise<boolean>;
}

export const UNIT_DIRECTORY = Symbol('UNIT_DIRECTORY');
