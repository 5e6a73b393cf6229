import { definePingyiFeature } from '../common/pingyi-feature';
import { CreateServerSetting1795600000000 } from './migrations/1795600000000-create-server-setting.migration';
import { ServerSetting } from './server-setting.entity';
import { SettingsModule } from './settings.module';

export const settingsFeature = definePingyiFeature({
  name: 'settings',
  module: SettingsModule,
  entities: [ServerSetting],
  migrations: [CreateServerSetting1795600000000],
});
