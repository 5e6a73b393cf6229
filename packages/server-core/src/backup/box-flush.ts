import * as fs from 'node:fs';
import * as path from 'node:path';
import { BallotBoxService } from '../ballot-box/ballot-box.service';
import { BallotMixer } from '../ballot-box/ballot-mixer.service';
import { collectEntities, collectMigrations, type PingyiFeature } from '../common/pingyi-feature';
import { type PingyiConfig } from '../config/pingyi-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { initializeDataSource } from '../database/dialect';
import { SECRET_FILE, ServerSecretService } from '../settings/server-secret.service';
import { ServerSetting } from '../settings/server-setting.entity';
import { BackupError } from './backup-error';

/**
 * Counts every ballot waiting in the box, the way a server instance's mixer
 * does (this process is one more mixer: `FOR UPDATE SKIP LOCKED` on
 * PostgreSQL, SQLite's write lock on a file), so that the snapshot a backup
 * takes holds no sealed ballot. Needs the server secret (PINGYI_SECRET or the
 * data folder's `server-secret`) to open the box; it is used, never copied.
 */
export async function flushBallotBox(config: PingyiConfig, features: readonly PingyiFeature[]): Promise<number> {
  if (config.secret === undefined && !fs.existsSync(path.join(config.dataDir, SECRET_FILE)))
    throw new BackupError(
      `ballots wait in the ballot box and the server secret is needed to count them first: set PINGYI_SECRET (or PINGYI_DATA_DIR to the server's data folder, which holds ${SECRET_FILE})`,
    );
  const dataSource = await initializeDataSource({
    ...buildDataSourceOptions(config, { entities: collectEntities(features), migrations: collectMigrations(features) }),
    migrationsRun: false,
  });
  try {
    const secret = new ServerSecretService(config, dataSource.getRepository(ServerSetting));
    await secret.onModuleInit();
    const mixer = new BallotMixer(new BallotBoxService(dataSource, secret), config);
    try {
      return await mixer.mixAll();
    } catch (error) {
      throw new BackupError(`the ballot box could not be emptied before the backup: ${(error as Error).message}`);
    }
  } finally {
    await dataSource.destroy();
  }
}
