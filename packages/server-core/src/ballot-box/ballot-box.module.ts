import { Global, Module } from '@nestjs/common';
import { BallotBoxService } from './ballot-box.service';
import { BallotMixer } from './ballot-mixer.service';

/** The sealed ballot box and its mixer, used by casting, paper import, the demo and results. */
@Global()
@Module({
  providers: [BallotBoxService, BallotMixer],
  exports: [BallotBoxService, BallotMixer],
})
export class BallotBoxModule {}
