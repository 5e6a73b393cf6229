import { describe, expect, it } from 'vitest';
import { CliInputError } from './cli-io.js';
import { parseOptions } from './parse-options.js';

const spec = { file: { type: 'string' }, all: { type: 'boolean', short: 'a' } } as const;

describe('parseOptions', () => {
  it.each([
    [['--file', 'x.csv'], { file: 'x.csv' }],
    [['--file=x=y.csv'], { file: 'x=y.csv' }],
    [['--file='], { file: '' }],
    [['-a', '--file', '-'], { all: true, file: '-' }],
    [[], {}],
  ])('%j → %j', (argv, expected) => {
    expect(parseOptions(argv, spec, 'cmd')).toEqual(expected);
  });

  it.each([
    [['--nope'], 'cmd: unknown option --nope (see cmd --help)'],
    [['--file', '--all'], 'cmd: option --file needs a value (see cmd --help)'],
    [['x'], 'cmd: unexpected argument "x" (see cmd --help)'],
  ])('%j is an input error', (argv, message) => {
    expect(() => parseOptions(argv, spec, 'cmd')).toThrow(new CliInputError(message));
  });
});
