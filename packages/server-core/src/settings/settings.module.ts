import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServerSecretService } from './server-secret.service';
import { ServerSetting } from './server-setting.entity';

/** Deployment-wide settings; exports {@link ServerSecretService} to every module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ServerSetting])],
  providers: [ServerSecretService],
  exports: [ServerSecretService],
})
export class SettingsModule {}
