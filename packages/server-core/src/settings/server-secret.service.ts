import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Repository } from 'typeorm';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { ServerSetting } from './server-setting.entity';

/** Where an earlier version kept a generated secret, in the database (moved out on start). */
const LEGACY_SECRET_KEY = 'server-secret';
/** The generated secret's file in the data folder, apart from the database file. */
export const SECRET_FILE = 'server-secret';

/**
 * The server secret behind keyed hashes (access codes) and the sealed ballot
 * box: `PINGYI_SECRET` (required in production), or else one generated on
 * first start and kept in the data folder (`server-secret`, mode 0600), never
 * in the database: a dump holding the secret would let anyone test printed
 * codes against the stored hashes and open the box. Instances that share a
 * database share `PINGYI_SECRET` (or, in development, the data folder).
 */
@Injectable()
export class ServerSecretService implements OnModuleInit {
  private secret: Buffer | undefined;
  private readonly logger = new Logger('ServerSecret');

  constructor(
    @Inject(PINGYI_CONFIG) private readonly config: PingyiConfig,
    @InjectRepository(ServerSetting) private readonly settings: Repository<ServerSetting>,
  ) {}

  async onModuleInit(): Promise<void> {
    const moved = await this.moveLegacySecretOut();
    this.secret = Buffer.from(this.config.secret ?? moved ?? this.readOrCreateFile(), 'utf8');
  }

  /**
   * HMAC-SHA256 of `value` under a key derived for `purpose` (so one secret
   * serves unrelated uses without their hashes being comparable), as hex.
   */
  hmac(purpose: string, value: string): string {
    const key = createHmac('sha256', this.secretOrThrow()).update(`pingyi:${purpose}`).digest();
    return createHmac('sha256', key).update(value).digest('hex');
  }

  /** A 32-byte key for `purpose`, derived with HKDF-SHA256 from the secret (e.g. the ballot box's AES-256-GCM key). */
  key(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.secretOrThrow(), 'pingyi', `pingyi:${purpose}`, 32));
  }

  private secretOrThrow(): Buffer {
    if (!this.secret) throw new Error('ServerSecretService used before the module was initialised');
    return this.secret;
  }

  private get file(): string {
    return path.join(this.config.dataDir, SECRET_FILE);
  }

  // An earlier version kept the generated secret in `server_setting`: it goes
  // to the file (so the codes it hashed keep working) and leaves the table.
  private async moveLegacySecretOut(): Promise<string | undefined> {
    const row = await this.settings.findOneBy({ key: LEGACY_SECRET_KEY });
    if (!row) return undefined;
    this.writeFile(row.value, { overwrite: true });
    await this.settings.delete({ key: LEGACY_SECRET_KEY });
    this.logger.warn(
      `The server secret was kept in the database; it was moved to ${this.file} and removed from the database`,
    );
    return row.value;
  }

  // Create-if-absent (exclusive create, then read back): concurrent first starts on one folder agree.
  private readOrCreateFile(): string {
    if (!fs.existsSync(this.file)) this.writeFile(randomBytes(32).toString('base64url'), { overwrite: false });
    const value = fs.readFileSync(this.file, 'utf8').trim();
    if (value.length < 32) throw new Error(`${this.file}: the server secret there is shorter than 32 characters`);
    return value;
  }

  private writeFile(value: string, options: { overwrite: boolean }): void {
    fs.mkdirSync(this.config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(this.file, `${value}\n`, { mode: 0o600, flag: options.overwrite ? 'w' : 'wx' });
      fs.chmodSync(this.file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
