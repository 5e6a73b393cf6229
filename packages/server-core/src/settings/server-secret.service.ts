import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { ServerSetting } from './server-setting.entity';

const SECRET_KEY = 'server-secret';

/**
 * The server secret behind keyed hashes (access codes and the like):
 * `PINGYI_SECRET`, or else one generated on first start and kept in the
 * database, so every instance on that database uses the same one.
 */
@Injectable()
export class ServerSecretService implements OnModuleInit {
  private secret: Buffer | undefined;

  constructor(
    @Inject(PINGYI_CONFIG) private readonly config: PingyiConfig,
    @InjectRepository(ServerSetting) private readonly settings: Repository<ServerSetting>,
  ) {}

  async onModuleInit(): Promise<void> {
    this.secret = Buffer.from(this.config.secret ?? (await this.loadOrCreate()), 'utf8');
  }

  /**
   * HMAC-SHA256 of `value` under a key derived for `purpose` (so one secret
   * serves unrelated uses without their hashes being comparable), as hex.
   */
  hmac(purpose: string, value: string): string {
    if (!this.secret) throw new Error('ServerSecretService used before the module was initialised');
    const key = createHmac('sha256', this.secret).update(`pingyi:${purpose}`).digest();
    return createHmac('sha256', key).update(value).digest('hex');
  }

  // Insert-if-absent then read back: concurrent first starts agree on one secret.
  private async loadOrCreate(): Promise<string> {
    await this.settings
      .createQueryBuilder()
      .insert()
      .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
      .orIgnore()
      .execute();
    const stored = await this.settings.findOneByOrFail({ key: SECRET_KEY });
    return stored.value;
  }
}
