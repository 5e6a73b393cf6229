import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { paperImportCrashSuite } from './paper-import-crash.suite';

describe('paper import killed with SIGKILL [sqlite]', () => paperImportCrashSuite('sqlite'));
describeOnPostgres('paper import killed with SIGKILL', () => paperImportCrashSuite('postgres'));
