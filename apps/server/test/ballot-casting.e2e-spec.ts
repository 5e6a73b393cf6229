import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { ballotCastingSuite } from './ballot-casting.suite';

describe('casting ballots [sqlite]', () => ballotCastingSuite('sqlite'));
describeOnPostgres('casting ballots', () => ballotCastingSuite('postgres'));
