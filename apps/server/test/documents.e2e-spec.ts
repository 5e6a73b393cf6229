import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { documentsSuite } from './documents.suite';

describe('documents [sqlite]', () => documentsSuite('sqlite'));
describeOnPostgres('documents', () => documentsSuite('postgres'));
