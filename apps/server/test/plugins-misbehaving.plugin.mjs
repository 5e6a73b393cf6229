// A plugin whose strategy misbehaves on demand (an ES module, loaded from a
// config file by path): the server must report each failure naming the plugin.
import { definePlugin } from '@pingyi/server-core';
import { defineScoringStrategy } from '@pingyi/scoring';

const sometimes = defineScoringStrategy({
  code: 'misbehaving/sometimes',
  label: { zh: '时好时坏', en: 'Sometimes' },
  description: { zh: '按 mode 出错', en: 'Fails as mode says' },
  args: { mode: { type: 'string', label: 'mode', options: ['ok', 'throw', 'nan', 'range', 'text'], default: 'ok' } },
  range: { min: 0, max: 100 },
  score(unit, args) {
    if (args.mode === 'throw') throw new Error('lookup table missing');
    if (args.mode === 'nan') return Number.NaN;
    if (args.mode === 'range') return 250;
    if (args.mode === 'text') return 'high';
    return unit.counted === 0 ? null : 50;
  },
});

export default definePlugin({
  name: '@pingyi-test/misbehaving',
  version: '1.0.0',
  compatibility: '^0.1.0',
  strategies: [sometimes],
});
