import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { paperBallotsSuite } from './paper-ballots.suite';

describe('paper ballots [sqlite]', () => paperBallotsSuite('sqlite'));
describeOnPostgres('paper ballots', () => paperBallotsSuite('postgres'));
