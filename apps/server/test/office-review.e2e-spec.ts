import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { officeReviewSuite } from './office-review.suite';

describe('office review: search, tags, public address, trend [sqlite]', () => officeReviewSuite('sqlite'));
describeOnPostgres('office review: search, tags, public address, trend', () => officeReviewSuite('postgres'));
