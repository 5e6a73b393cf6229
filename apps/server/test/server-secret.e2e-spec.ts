import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { serverSecretSuite } from './server-secret.suite';

describe('server secret [sqlite]', () => serverSecretSuite('sqlite'));
describeOnPostgres('server secret', () => serverSecretSuite('postgres'));
