import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { backupRestoreSuite } from './backup-restore.suite';

describe('backup and restore [sqlite]', () => backupRestoreSuite('sqlite'));
describeOnPostgres('backup and restore', () => backupRestoreSuite('postgres'));
