import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { tallyCacheSuite } from './tally-cache.suite';

describe('the counted tally kept between polls [sqlite]', () => tallyCacheSuite('sqlite'));
describeOnPostgres('the counted tally kept between polls', () => tallyCacheSuite('postgres'));
