import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { localDateOf } from '@pingyi/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hasher';
import { UserService } from '../auth/user.service';
import { User } from '../auth/user.entity';
import { Bureau } from '../bureau/bureau.entity';
import { BureauService, HOST_BUREAU } from '../bureau/bureau.service';
import { Campaign } from '../campaign/campaign.entity';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { showPasswordsOnce } from '../auth/show-once';
import { DemoLoaderService } from './demo-loader.service';
import { DEMO_USERS } from './demo-plan';

/** The host bureau's name in the demo: the seed's 市公安局. */
export const DEMO_BUREAU_NAME = '市公安局';

/**
 * On the first start with an empty database (no campaign anywhere), when
 * demo mode is on (by default outside production; `PINGYI_DEMO=1` in production): loads the reference campaign and demo accounts for each
 * role, and prints the accounts. A later start finds the campaigns and does
 * nothing, so the demo is never loaded twice.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(PINGYI_CONFIG) private readonly config: PingyiConfig,
    private readonly dataSource: DataSource,
    private readonly bureaus: BureauService,
    private readonly users: UserService,
    private readonly loader: DemoLoaderService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    if (await this.dataSource.getRepository(Campaign).exists()) return;
    const host = await this.bureaus.ensureHost();
    const ctx = RequestContext.system({
      id: 0,
      username: 'demo',
      bureauId: host.id,
      roles: [Role.admin, Role.office],
      unitCode: null,
    });
    const now = new Date();
    const started = Date.now();
    // outside production the accounts have the documented passwords; in production fresh ones, printed once
    const passwords = DEMO_USERS.map((user) =>
      this.config.nodeEnv === 'production' ? randomBytes(12).toString('base64url') : user.password,
    );
    // hashed at once and before the transaction: each scrypt hash takes half a second
    const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));
    const accounts = DEMO_USERS.map((user, i) => ({
      ...user,
      password: passwords[i] as string,
      passwordHash: hashes[i] as string,
    }));
    try {
      const summary = await this.loader.load(ctx, localDateOf(now, 'Asia/Shanghai'), async (manager) => {
        if (host.name === HOST_BUREAU.name) await manager.update(Bureau, { id: host.id }, { name: DEMO_BUREAU_NAME });
        await this.createAccounts(manager, host.id, accounts);
      });
      this.logger.log(
        `Loaded the demo campaign ${summary.year} (id ${summary.campaignId}, ${summary.ballots} ballots, ${summary.opinions} opinions) ` +
          `and ${summary.year - 1} (id ${summary.previousCampaignId}, published) in ${Date.now() - started} ms; PINGYI_DEMO=0 turns this off`,
      );
    } catch (error) {
      // another instance starting at the same moment loaded it first
      if (await this.dataSource.getRepository(Campaign).exists()) return;
      throw error;
    }
    const table = [
      'Pingyi demo accounts (demo data only; change or deactivate them for real use):',
      ...accounts.map(
        (a) =>
          `  ${a.username.padEnd(15)} ${a.password.padEnd(20)} ${a.roles.join(', ')}${a.unitCode ? ` (${a.unitCode})` : ''}`,
      ),
    ].join('\n');
    // outside production these are the passwords the README documents; generated ones never go to the log
    if (this.config.nodeEnv === 'production')
      showPasswordsOnce(this.config.dataDir, 'The generated passwords of the demo accounts', table, this.logger);
    else console.log(`\n${table}\n`);
  }

  private async createAccounts(
    manager: EntityManager,
    bureauId: number,
    accounts: readonly {
      username: string;
      displayName: string;
      roles: readonly Role[];
      unitCode: string | null;
      password: string;
      passwordHash: string;
    }[],
  ): Promise<void> {
    for (const account of accounts) {
      if (await manager.existsBy(User, { username: account.username })) continue;
      await this.users.createInBureau(
        manager,
        bureauId,
        {
          username: account.username,
          displayName: account.displayName,
          roles: [...account.roles],
          unitCode: account.unitCode,
          password: account.password,
        },
        {},
        account.passwordHash,
      );
    }
  }
}
