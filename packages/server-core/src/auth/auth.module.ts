import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BureauModule } from '../bureau/bureau.module';
import { AUTHENTICATOR } from '../common/authenticator';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { AuthToken } from './auth-token.entity';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { BureauSetupService } from './bureau-setup.service';
import { FirstStartService } from './first-start.service';
import { LoginThrottle } from './login-throttle.entity';
import { DatabaseThrottleStore } from './throttle/database-throttle.store';
import { LoginThrottleService } from './throttle/login-throttle.service';
import { RedisThrottleStore } from './throttle/redis-throttle.store';
import { THROTTLE_STORE } from './throttle/throttle-store';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AuthToken, LoginThrottle]), BureauModule],
  providers: [
    TokenService,
    { provide: AUTHENTICATOR, useExisting: TokenService },
    {
      provide: THROTTLE_STORE,
      inject: [PINGYI_CONFIG, DataSource],
      useFactory: (config: PingyiConfig, dataSource: DataSource) =>
        config.redisUrl ? new RedisThrottleStore(config.redisUrl) : new DatabaseThrottleStore(dataSource),
    },
    LoginThrottleService,
    AuthService,
    UserService,
    BureauSetupService,
    FirstStartService,
    AuthResolver,
    UserResolver,
  ],
  exports: [AUTHENTICATOR, TokenService, UserService],
})
export class AuthModule {}

