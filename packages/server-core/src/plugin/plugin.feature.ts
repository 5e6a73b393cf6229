import { definePingyiFeature } from '../common/pingyi-feature';
import { PluginModule } from './plugin.module';

export const pluginFeature = definePingyiFeature({ name: 'plugin', module: PluginModule });
