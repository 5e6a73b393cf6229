import { Global, Module } from '@nestjs/common';
import { BackgroundWork } from './background-work.service';

/** Long work taken off the request, in this process or in a Redis queue shared by every instance. */
@Global()
@Module({ providers: [BackgroundWork], exports: [BackgroundWork] })
export class BackgroundWorkModule {}
