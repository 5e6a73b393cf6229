import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { campaignContentSuite } from './campaign-content.suite';

describe('campaign content [sqlite]', () => campaignContentSuite('sqlite'));
describeOnPostgres('campaign content', () => campaignContentSuite('postgres'));
