import { definePingyiFeature } from '../common/pingyi-feature';
import { CreateServerSetting1795600000000 } from './migrations/1795600000000-create-server-setting.migration';
import { CreateBureauSetting1796200000001 } from './migrations/1796200000001-create-bureau-setting.migration';
import { BureauSetting } from './bureau-setting.entity';
import { ServerSetting } from './server-setting.entity';
import { SettingsModule } from './settings.module';

export const settingsFeature = definePingyiFeature({
  name: 'settings',
  module: SettingsModule,
  entities: [ServerSetting, BureauSetting],
  migrations: [CreateServerSetting1795600000000, CreateBureauSetting1796200000001],
});
