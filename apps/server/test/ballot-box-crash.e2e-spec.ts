import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { ballotBoxCrashSuite } from './ballot-box-crash.suite';

describe('ballot box across a kill [sqlite]', () => ballotBoxCrashSuite('sqlite'));
describeOnPostgres('ballot box across a kill', () => ballotBoxCrashSuite('postgres'));
