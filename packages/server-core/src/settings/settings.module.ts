import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BureauSetting } from './bureau-setting.entity';
import { BureauSettingsResolver } from './bureau-settings.resolver';
import { BureauSettingsService } from './bureau-settings.service';
import { ServerSecretService } from './server-secret.service';
import { ServerSetting } from './server-setting.entity';

/** Deployment-wide settings ({@link ServerSecretService}) and each bureau's own ({@link BureauSettingsService}), for every module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ServerSetting, BureauSetting])],
  providers: [ServerSecretService, BureauSettingsService, BureauSettingsResolver],
  exports: [ServerSecretService, BureauSettingsService],
})
export class SettingsModule {}
