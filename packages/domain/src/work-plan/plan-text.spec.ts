import { describe, expect, it } from 'vitest';
import { parseGuidingPrinciple, parseObjectives, parseRequirements } from './plan-text.js';

const OBJECTIVES = [
  { number: 1, title: '政令警令更加畅通', text: '坚持理论武装……' },
  { number: 2, title: '大局意识更加牢固', text: '坚持立警为公……' },
];

describe('plan text', () => {
  it('accepts numbered objectives and requirements', () => {
    expect(parseObjectives(OBJECTIVES)).toEqual(OBJECTIVES);
    expect(parseRequirements([{ number: 1, title: '提高认识，加强领导', text: '……' }])).toHaveLength(1);
    expect(parseGuidingPrinciple({ text: '坚持以……为指导' })).toEqual({ text: '坚持以……为指导' });
  });

  it.each([
    [
      'guiding principle blank',
      () => parseGuidingPrinciple({ text: '  ' }),
      'guidingPrinciple.text: must not be empty',
    ],
    ['objectives not a list', () => parseObjectives({}), 'objectives: must be a list'],
    [
      'number not positive',
      () => parseObjectives([{ ...OBJECTIVES[0], number: 0 }]),
      'objectives[0].number: must be at least 1, got 0',
    ],
    [
      'number repeats',
      () => parseObjectives([OBJECTIVES[0], { ...OBJECTIVES[1], number: 1 }]),
      'objectives[1].number: number 1 must be greater than the one before it (1)',
    ],
    ['title missing', () => parseObjectives([{ number: 1, text: 'x' }]), 'objectives[0].title: must be a string'],
    [
      'requirement text blank',
      () => parseRequirements([{ number: 1, title: 't', text: '' }]),
      'requirements[0].text: must not be empty',
    ],
  ])('%s → INVALID_PLAN', (_name, run, message) => {
    expect(run).toThrowError(message);
    expect(run).toThrowError(expect.objectContaining({ code: 'INVALID_PLAN' }));
  });
});
