import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError, refusal } from '@pingyi/domain';
import { type EntityManager, Repository } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { checkCode, checkText } from '../common/validation';
import { Bureau } from './bureau.entity';

/** The code and name of the bureau created on first start (the demo may rename it). */
export const HOST_BUREAU = { code: 'default', name: '本机关' } as const;

/** Input of {@link BureauService.create}; checked there. */
export interface NewBureau {
  readonly code: string;
  readonly name: string;
}

@Injectable()
export class BureauService {
  constructor(@InjectRepository(Bureau) private readonly bureaus: Repository<Bureau>) {}

  /** The caller's own bureau. */
  findCurrentOrThrow(ctx: RequestContext): Promise<Bureau> {
    return this.bureaus.findOneByOrFail({ id: ctx.bureauId });
  }

  /** Every bureau of the deployment: only for admins of the host bureau. */
  async listAll(ctx: RequestContext): Promise<Bureau[]> {
    await this.assertHostAdmin(ctx);
    return this.bureaus.find({ order: { id: 'ASC' } });
  }

  /** The host bureau, created on the first call (safe when instances start together). */
  async ensureHost(): Promise<Bureau> {
    const existing = await this.bureaus.findOneBy({ host: true });
    if (existing) return existing;
    await this.bureaus
      .createQueryBuilder()
      .insert()
      .values({ ...HOST_BUREAU, host: true })
      .orIgnore()
      .execute();
    return this.bureaus.findOneByOrFail({ code: HOST_BUREAU.code });
  }

  /** Refuses unless the caller is an admin of the host bureau. */
  async assertHostAdmin(ctx: RequestContext): Promise<void> {
    const own = await this.bureaus.findOneBy({ id: ctx.bureauId });
    if (!own?.host || !ctx.hasRole(Role.admin)) {
      throw refusal('FORBIDDEN', 'hostAdminsOnly', {});
    }
  }

  /** Creates a bureau inside `manager`'s transaction; `BUREAU_CODE_TAKEN` when the code exists. */
  async create(manager: EntityManager, input: NewBureau, path = 'input'): Promise<Bureau> {
    const code = checkCode(input.code, `${path}.code`).toLowerCase();
    const name = checkText(input.name, `${path}.name`, { max: 200 });
    if (await manager.existsBy(Bureau, { code })) {
      throw new PingyiError('BUREAU_CODE_TAKEN', `a bureau with the code ${code} already exists`, `${path}.code`);
    }
    return manager.save(manager.create(Bureau, { code, name, host: false }));
  }
}
