import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { hostileFilesSuite, tempSweepSuite } from './hostile-files.suite';

describe('hostile files [sqlite]', () => hostileFilesSuite('sqlite'));
describeOnPostgres('hostile files', () => hostileFilesSuite('postgres'));
describe('temporary files [sqlite]', () => tempSweepSuite('sqlite'));
