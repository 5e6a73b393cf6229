import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { auditSuite } from './audit.suite';

describe('audit [sqlite]', () => auditSuite('sqlite'));
describeOnPostgres('audit', () => auditSuite('postgres'));
