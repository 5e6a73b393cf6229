import { describe, expect, it } from 'vitest';
import { CliInputError } from './cli-io.js';
import { parseArguments, parseOptions } from './parse-options.js';

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

describe('parseOptions (node:util parseArgs)', () => {
  it.each([
    [['--file', 'a', '--file', 'b'], 'cmd: option --file is given twice (see cmd --help)'],
    [['--all=yes'], 'cmd: option --all takes no value (see cmd --help)'],
    [['--file'], 'cmd: option --file needs a value (see cmd --help)'],
    [['-z'], 'cmd: unknown option -z (see cmd --help)'],
  ])('%j is an input error', (argv, message) => {
    expect(() => parseOptions(argv, spec, 'cmd')).toThrow(new CliInputError(message));
  });

  it('takes positional arguments only where the command does', () => {
    expect(parseArguments(['x.yaml', '--file', 'f'], spec, 'cmd', 1)).toEqual({
      options: { file: 'f' },
      positionals: ['x.yaml'],
    });
    expect(() => parseArguments(['x.yaml', 'y.yaml'], spec, 'cmd', 1)).toThrow(
      new CliInputError('cmd: unexpected argument "y.yaml" (see cmd --help)'),
    );
  });
});
