// A plugin made for a server that does not exist yet: refused at start.
import { definePlugin } from '@pingyi/server-core';

export default definePlugin({ name: '@pingyi-test/from-the-future', version: '3.0.0', compatibility: '^9.0.0' });
