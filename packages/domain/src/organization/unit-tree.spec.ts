import { describe, expect, it } from 'vitest';
import {
  appraisedUnits,
  buildUnitTree,
  descendants,
  pathToRoot,
  rootUnits,
  type Unit,
  unitOrThrow,
} from './unit-tree.js';
import { errorOf } from '../errors/caught-error.js';

const UNITS: readonly Unit[] = [
  { code: 'bureau', name: '市公安局', appraised: false },
  { code: 'traffic-police', name: '交警支队', parentCode: 'bureau', appraised: true },
  { code: 'traffic-east', name: '交警一大队', parentCode: 'traffic-police', appraised: true },
  { code: 'traffic-east-1', name: '一中队', parentCode: 'traffic-east', appraised: false },
  { code: 'legal-affairs', name: '法制处', parentCode: 'bureau', appraised: true },
  { code: 'logistics', name: '后勤处', parentCode: 'bureau', appraised: false },
];

describe('buildUnitTree', () => {
  const tree = buildUnitTree(UNITS);

  it('indexes units and children', () => {
    expect(rootUnits(tree).map((u) => u.code)).toEqual(['bureau']);
    expect(tree.children.get('bureau')?.map((u) => u.code)).toEqual(['traffic-police', 'legal-affairs', 'logistics']);
    expect(unitOrThrow(tree, 'legal-affairs').name).toBe('法制处');
  });

  it.each([
    ['bureau', ['traffic-police', 'traffic-east', 'traffic-east-1', 'legal-affairs', 'logistics']],
    ['traffic-police', ['traffic-east', 'traffic-east-1']],
    ['logistics', []],
  ])('descendants(%s)', (code, expected) => {
    expect(descendants(tree, code).map((u) => u.code)).toEqual(expected);
  });

  it.each([
    ['traffic-east-1', ['traffic-east-1', 'traffic-east', 'traffic-police', 'bureau']],
    ['bureau', ['bureau']],
  ])('pathToRoot(%s)', (code, expected) => {
    expect(pathToRoot(tree, code).map((u) => u.code)).toEqual(expected);
  });

  it('lists appraised units in input order', () => {
    expect(appraisedUnits(tree).map((u) => u.code)).toEqual(['traffic-police', 'traffic-east', 'legal-affairs']);
  });

  it('throws UNKNOWN_UNIT for a code not in the tree', () => {
    const error = errorOf(() => descendants(tree, 'border-defense'));
    expect(error.code).toBe('UNKNOWN_UNIT');
    expect(error.message).toBe('unit: "border-defense" is not a unit of this campaign');
  });
});

describe('buildUnitTree errors', () => {
  const replace = (index: number, change: Record<string, unknown>): unknown =>
    UNITS.map((unit, i) => (i === index ? { ...unit, ...change } : unit));
  it.each([
    ['not a list', 'units', { code: 'x' }, /must be a list/],
    ['unit not an object', 'units[0]', [3], /must be an object/],
    ['bad code', 'units[1].code', replace(1, { code: 'traffic police' }), /not a valid code/],
    ['missing name', 'units[1].name', replace(1, { name: undefined }), /must be a string/],
    ['appraised missing', 'units[4].appraised', replace(4, { appraised: 'yes' }), /must be true or false/],
    [
      'duplicate code',
      'units[4].code',
      replace(4, { code: 'traffic-police' }),
      /unit code "traffic-police" is already used by units\[1\]/,
    ],
    [
      'unknown parent',
      'units[5].parentCode',
      replace(5, { parentCode: 'supply' }),
      /unit "logistics" names parent "supply", which is not in the list/,
    ],
    [
      'self parent',
      'units[0].parentCode',
      replace(0, { parentCode: 'bureau' }),
      /unit "bureau" is its own ancestor: bureau → bureau/,
    ],
    [
      'longer cycle',
      'units[0].parentCode',
      replace(0, { parentCode: 'traffic-east-1' }),
      /unit "bureau" is its own ancestor: bureau → traffic-east-1 → traffic-east → traffic-police → bureau/,
    ],
  ])('%s → INVALID_UNIT_TREE at %s', (_name, path, input, message) => {
    const error = errorOf(() => buildUnitTree(input));
    expect(error.code).toBe('INVALID_UNIT_TREE');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('reports a cycle that sits above a well-formed unit at the first unit inside it', () => {
    const units = [
      { code: 'leaf', name: '叶', parentCode: 'a', appraised: true },
      { code: 'a', name: '甲', parentCode: 'b', appraised: false },
      { code: 'b', name: '乙', parentCode: 'a', appraised: false },
    ];
    const error = errorOf(() => buildUnitTree(units));
    expect(error.path).toBe('units[1].parentCode');
    expect(error.message).toMatch(/unit "a" is its own ancestor: a → b → a/);
  });
});
