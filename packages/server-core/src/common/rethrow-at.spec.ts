import { PingyiError } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { checkAt, renameRoot, repath } from './rethrow-at';

describe('checkAt / repath', () => {
  it.each([
    [
      'a field path',
      new PingyiError('INVALID_CALENDAR', 'ends before it starts', 'phases[2].end'),
      'input',
      'input.phases[2].end',
    ],
    [
      'a list index',
      new PingyiError('INVALID_PLAN', 'must not be empty', '[1].title'),
      'input.objectives',
      'input.objectives[1].title',
    ],
    ['no path', new PingyiError('INVALID_POLICY', 'must be an object'), 'input.policyJson', 'input.policyJson'],
    ['no prefix', new PingyiError('INVALID_PLAN', 'must not be empty', 'themes[1].title'), '', 'themes[1].title'],
    ['a path starting with a dot', new PingyiError('INVALID_PLAN', 'must be a list', '.seats'), 'input', 'input.seats'],
    [
      'the whole policy',
      new PingyiError('INVALID_POLICY', 'must be an object', '(policy)'),
      'input.policyJson',
      'input.policyJson',
    ],
  ])('prefixes %s', (_name, error, prefix, path) => {
    const moved = repath(error, prefix);
    expect(moved.path).toBe(path);
    expect(moved.message.startsWith(`${path}: `)).toBe(true);
    expect(moved.message.split(': ').length).toBe(2);
    expect(moved.code).toBe(error.code);
  });

  it('maps codes and passes other errors through', () => {
    expect(() =>
      checkAt(
        'input',
        () => {
          throw new PingyiError('INVALID_PLAN', 'bad', 'objectives[0].text');
        },
        { INVALID_PLAN: 'INVALID_ARGUMENT' },
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'input.objectives[0].text' }));
    expect(() =>
      checkAt('input', () => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
    expect(checkAt('input', () => 42)).toBe(42);
  });
});

describe('renameRoot', () => {
  it.each([
    ['update.date', 'input.date'],
    ['update', 'input'],
    ['updates[0]', 'updates[0]'],
    ['other.date', 'other.date'],
  ])('%s → %s', (from, to) => {
    const moved = renameRoot(new PingyiError('INVALID_PROGRESS', 'is wrong', from), 'update', 'input');
    expect(moved.path).toBe(to);
    expect(moved.message).toBe(`${to}: is wrong`);
  });
});
