import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { pluginModuleSuite, pluginsSuite } from './plugins.suite';

describe('plugins [sqlite]', () => pluginsSuite('sqlite'));
describeOnPostgres('plugins', () => pluginsSuite('postgres'));
describe('plugin with its own module [sqlite]', () => pluginModuleSuite('sqlite'));
describeOnPostgres('plugin with its own module', () => pluginModuleSuite('postgres'));
