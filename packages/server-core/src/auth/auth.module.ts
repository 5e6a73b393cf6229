import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BureauModule } from '../bureau/bureau.module';
import { AUTHENTICATOR } from '../common/authenticator';
import { AuthToken } from './auth-token.entity';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { BureauSetupService } from './bureau-setup.service';
import { FirstStartService } from './first-start.service';
import { LoginThrottleService } from './throttle/login-throttle.service';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AuthToken]), BureauModule],
  providers: [
    TokenService,
    { provide: AUTHENTICATOR, useExisting: TokenService },
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
