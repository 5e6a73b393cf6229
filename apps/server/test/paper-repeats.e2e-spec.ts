import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { paperRepeatsSuite } from './paper-repeats.suite';

describe('paper repeats [sqlite]', () => paperRepeatsSuite('sqlite'));
describeOnPostgres('paper repeats', () => paperRepeatsSuite('postgres'));
