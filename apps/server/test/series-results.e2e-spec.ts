import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { seriesResultsSuite } from './series-results.suite';

describe('series, rank tiers and response rates [sqlite]', () => seriesResultsSuite('sqlite'));
describeOnPostgres('series, rank tiers and response rates', () => seriesResultsSuite('postgres'));
