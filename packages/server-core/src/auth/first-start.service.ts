import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { BureauService } from '../bureau/bureau.service';
import { Role } from '../common/roles';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { showPasswordsOnce } from './show-once';
import { User } from './user.entity';
import { UserService } from './user.service';
import { Transactions } from '../database/transactions';

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * First start: the host bureau and its `admin` user (roles admin and office),
 * with `PINGYI_ADMIN_PASSWORD` or a generated password shown once on the
 * terminal (never in the server log; see {@link showPasswordsOnce}).
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly transactions: Transactions,
    @Inject(PINGYI_CONFIG) private readonly config: PingyiConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly bureaus: BureauService,
    private readonly userService: UserService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const host = await this.bureaus.ensureHost();
    if (await this.users.existsBy({ bureauId: host.id })) return;
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await this.userService.hashNewPassword(password, 'PINGYI_ADMIN_PASSWORD');
    try {
      await this.transactions.run((manager) =>
        this.userService.createInBureau(
          manager,
          host.id,
          {
            username: FIRST_ADMIN_USERNAME,
            displayName: 'Administrator',
            password,
            roles: [Role.admin, Role.office],
            unitCode: null,
          },
          { password: 'PINGYI_ADMIN_PASSWORD' },
          passwordHash,
        ),
      );
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (await this.users.existsBy({ username: FIRST_ADMIN_USERNAME })) return;
      throw error;
    }
    if (this.config.adminPassword) {
      this.logger.log(`Created the user "${FIRST_ADMIN_USERNAME}" with the password from PINGYI_ADMIN_PASSWORD`);
    } else {
      // the only time this password is ever shown
      showPasswordsOnce(
        this.config.dataDir,
        `The generated password of "${FIRST_ADMIN_USERNAME}"`,
        `Pingyi: created the user "${FIRST_ADMIN_USERNAME}" with the generated password: ${password}\n` +
          '(shown once; set PINGYI_ADMIN_PASSWORD before the first start to choose it, or change it with changePassword)',
        this.logger,
      );
    }
  }
}
