import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { ballotBoxTallySuite } from './ballot-box-tally.suite';

describe('tallies with ballots in the box [sqlite]', () => ballotBoxTallySuite('sqlite'));
describeOnPostgres('tallies with ballots in the box', () => ballotBoxTallySuite('postgres'));
