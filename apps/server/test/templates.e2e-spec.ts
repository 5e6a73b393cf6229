import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { templatesSuite } from './templates.suite';

describe('templates and campaign files [sqlite]', () => templatesSuite('sqlite'));
describeOnPostgres('templates and campaign files', () => templatesSuite('postgres'));
