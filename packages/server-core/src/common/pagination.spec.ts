import { describe, expect, it } from 'vitest';
import { checkListOptions, SortOrder } from './pagination';

const spec = { sortable: { at: 'entry.at', name: 'entry.name' }, defaultSort: [['at', SortOrder.DESC]] } as const;

describe('checkListOptions', () => {
  it('defaults to the first 20 in the default order', () => {
    expect(checkListOptions(undefined, spec)).toEqual({ skip: 0, take: 20, sort: [['entry.at', 'DESC']] });
  });

  it('maps GraphQL sort fields to query properties', () => {
    expect(
      checkListOptions(
        {
          skip: 40,
          take: 100,
          sort: [
            { field: 'name', order: SortOrder.ASC },
            { field: 'at', order: SortOrder.DESC },
          ],
        },
        spec,
      ),
    ).toEqual({
      skip: 40,
      take: 100,
      sort: [
        ['entry.name', 'ASC'],
        ['entry.at', 'DESC'],
      ],
    });
  });

  it.each([
    [{ take: 0 }, 'options.take: must be between 1 and 100, got 0'],
    [{ take: 101 }, 'options.take: must be between 1 and 100, got 101'],
    [{ skip: -5 }, 'options.skip: must be between 0 and 1000000, got -5'],
    [
      { sort: [{ field: 'password', order: SortOrder.ASC }] },
      'options.sort[0].field: must be one of at, name, got "password"',
    ],
    [{ sort: [{ field: 'at', order: 'SIDEWAYS' as SortOrder }] }, 'options.sort[0].order: must be one of ASC, DESC'],
  ])('refuses %o naming the field', (options, message) => {
    expect(() => checkListOptions(options, spec)).toThrow(message);
  });
});
