import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { opinionReviewSuite } from './opinion-review.suite';

describe('opinion review [sqlite]', () => opinionReviewSuite('sqlite'));
describeOnPostgres('opinion review', () => opinionReviewSuite('postgres'));
