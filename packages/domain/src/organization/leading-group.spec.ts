import { describe, expect, it } from 'vitest';
import { parseLeadingGroup } from './leading-group.js';

const GROUP = {
  seats: [
    { role: 'leader', name: '王惠敏', position: '市委常委、局长' },
    { role: 'deputyLeader', name: '贺富昌', position: '市局党委副书记、副局长' },
    { role: 'member', position: '其他党委委员' },
  ],
};

describe('parseLeadingGroup', () => {
  it('accepts the seed group; a member seat may describe a body instead of naming a person', () => {
    expect(parseLeadingGroup(GROUP)).toEqual(GROUP);
  });

  it.each([
    [
      'no leader',
      { seats: GROUP.seats.slice(1) },
      'leadingGroup.seats: a leading group has exactly one leader (组长), found 0',
    ],
    [
      'two leaders',
      { seats: [...GROUP.seats, GROUP.seats[0]] },
      'leadingGroup.seats: a leading group has exactly one leader (组长), found 2',
    ],
    [
      'unknown role',
      { seats: [{ role: 'chair', position: 'x' }] },
      'leadingGroup.seats[0].role: must be one of leader, deputyLeader, member, got "chair"',
    ],
    [
      'blank position',
      { seats: [{ role: 'leader', name: '王惠敏', position: '' }] },
      'leadingGroup.seats[0].position: must not be empty',
    ],
    [
      'blank name',
      { seats: [{ role: 'leader', name: ' ', position: '局长' }] },
      'leadingGroup.seats[0].name: must not be empty',
    ],
    ['seats missing', {}, 'leadingGroup.seats: must be a list'],
  ])('%s', (_name, input, message) => {
    expect(() => parseLeadingGroup(input)).toThrowError(message);
  });
});
