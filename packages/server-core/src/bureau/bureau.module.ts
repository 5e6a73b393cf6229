import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Bureau } from './bureau.entity';
import { BureauResolver } from './bureau.resolver';
import { BureauService } from './bureau.service';

@Module({
  imports: [TypeOrmModule.forFeature([Bureau])],
  providers: [BureauService, BureauResolver],
  exports: [BureauService],
})
export class BureauModule {}
