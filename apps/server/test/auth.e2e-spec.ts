import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { authSuite } from './auth.suite';

describe('auth [sqlite]', () => authSuite('sqlite'));
describeOnPostgres('auth', () => authSuite('postgres'));
