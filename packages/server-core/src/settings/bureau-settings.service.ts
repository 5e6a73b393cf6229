import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { refusal } from '@pingyi/domain';
import { Repository } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { checkOptionalText } from '../common/validation';
import { BureauSetting } from './bureau-setting.entity';
import { type BureauSettings, type BureauSettingsInput } from './bureau-settings.dto';

const PUBLIC_ADDRESS = 'publicAddress';
/** Longest public address accepted. */
export const MAX_PUBLIC_ADDRESS_LENGTH = 200;

/** An http(s) address without query or fragment, its trailing slashes dropped; else INVALID_ARGUMENT on `path`. */
export function checkPublicAddress(value: unknown, path: string): string | null {
  const text = checkOptionalText(value, path, { max: MAX_PUBLIC_ADDRESS_LENGTH });
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    !url.hostname ||
    url.search ||
    url.hash ||
    url.username ||
    url.password ||
    /[\s<>"']/.test(text)
  ) {
    throw refusal(
      'INVALID_ARGUMENT',
      'publicAddress',
      { schemes: 'http(s)://', example: 'https://pingyi.example.gov.cn' },
      path,
      { limit: MAX_PUBLIC_ADDRESS_LENGTH },
    );
  }
  return text.replace(/\/+$/, '');
}

/** Where the public ballot page is under a public address. */
export const ballotUrlAt = (publicAddress: string): string => `${publicAddress}/vote`;

/** Settings each bureau keeps for itself (the public address its slips and documents print). */
@Injectable()
export class BureauSettingsService {
  constructor(@InjectRepository(BureauSetting) private readonly settings: Repository<BureauSetting>) {}

  async get(bureauId: number): Promise<BureauSettings> {
    const row = await this.settings.findOneBy({ bureauId, key: PUBLIC_ADDRESS });
    const publicAddress = row?.value ?? null;
    return { publicAddress, ballotUrl: publicAddress ? ballotUrlAt(publicAddress) : null };
  }

  async update(ctx: RequestContext, input: BureauSettingsInput | null | undefined): Promise<BureauSettings> {
    const publicAddress = checkPublicAddress(input?.publicAddress, 'input.publicAddress');
    if (publicAddress === null) await this.settings.delete({ bureauId: ctx.bureauId, key: PUBLIC_ADDRESS });
    else await this.settings.save({ bureauId: ctx.bureauId, key: PUBLIC_ADDRESS, value: publicAddress });
    return this.get(ctx.bureauId);
  }
}
