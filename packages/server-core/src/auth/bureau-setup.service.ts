import { Injectable } from '@nestjs/common';
import { type Bureau } from '../bureau/bureau.entity';
import { BureauService } from '../bureau/bureau.service';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { type CreateBureauInput } from './dto/user.dto';
import { UserService } from './user.service';
import { Transactions } from '../database/transactions';

/** Adds a bureau to the deployment together with its first admin, in one transaction. */
@Injectable()
export class BureauSetupService {
  constructor(
    private readonly transactions: Transactions,
    private readonly bureaus: BureauService,
    private readonly users: UserService,
  ) {}

  async createBureau(ctx: RequestContext, input: CreateBureauInput): Promise<Bureau> {
    await this.bureaus.assertHostAdmin(ctx);
    const passwordHash = await this.users.hashNewPassword(input.adminPassword, 'input.adminPassword');
    return this.transactions.run(async (manager) => {
      const bureau = await this.bureaus.create(manager, input, 'input');
      await this.users.createInBureau(
        manager,
        bureau.id,
        {
          username: input.adminUsername,
          displayName: 'Administrator',
          password: input.adminPassword,
          roles: [Role.admin, Role.office],
          unitCode: null,
        },
        { username: 'input.adminUsername', password: 'input.adminPassword' },
        passwordHash,
      );
      return bureau;
    });
  }
}
