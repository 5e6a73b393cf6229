import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { textFileLimitsSuite } from './text-file-limits.suite';

describe('text file limits [sqlite]', () => textFileLimitsSuite('sqlite'));
describeOnPostgres('text file limits', () => textFileLimitsSuite('postgres'));
