import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { ballotAnonymitySuite } from './ballot-anonymity.suite';

describe('ballot anonymity [sqlite]', () => ballotAnonymitySuite('sqlite'));
describeOnPostgres('ballot anonymity', () => ballotAnonymitySuite('postgres'));
