import { definePingyiFeature } from '../common/pingyi-feature';
import { AuthToken } from './auth-token.entity';
import { AuthModule } from './auth.module';
import { CreateUserAndToken1795600000200 } from './migrations/1795600000200-create-user-and-token.migration';
import { CreateLoginThrottle1795600000300 } from './migrations/1795600000300-create-login-throttle.migration';
import { User } from './user.entity';

export const authFeature = definePingyiFeature({
  name: 'auth',
  module: AuthModule,
  entities: [User, AuthToken],
  migrations: [CreateUserAndToken1795600000200, CreateLoginThrottle1795600000300],
});
