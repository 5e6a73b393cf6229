import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { TempFolder } from './temp-folder';

// Where earlier versions kept their temporary uploads.
const LEGACY = [
  { dir: 'paper-uploads', match: (name: string) => name.endsWith('.upload') },
  { dir: 'attachments', match: (name: string) => name.startsWith('.upload-') },
];

/** Removes, once at start (before the server listens), the temporary files a stopped server left behind. */
@Injectable()
export class TempFolderSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger('TempFolder');

  constructor(@Inject(PINGYI_CONFIG) private readonly config: PingyiConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const legacy: string[] = [];
    for (const { dir, match } of LEGACY) {
      const folder = path.join(this.config.dataDir, dir);
      const names = await fsp.readdir(folder).catch(() => [] as string[]);
      legacy.push(...names.filter(match).map((name) => path.join(folder, name)));
    }
    const removed = await new TempFolder(this.config.dataDir).sweep(Date.now(), legacy);
    if (removed > 0) this.logger.warn(`removed ${removed} temporary file(s) left by a stopped server`);
  }
}
