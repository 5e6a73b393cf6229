import { type DynamicModule, Global, Module } from '@nestjs/common';
import { definePingyiFeature, type PingyiFeature } from '../../src';
import { RECTIFICATION_CLOCK, type RectificationClock } from '../../src/rectification/rectification-clock';

/** A clock the test moves: `clock.set('2026-12-01T04:00:00Z')`. */
export class TestClock implements RectificationClock {
  private instant: Date;

  constructor(iso: string) {
    this.instant = new Date(iso);
  }

  set(iso: string): void {
    this.instant = new Date(iso);
  }

  now(): Date {
    return new Date(this.instant.getTime());
  }
}

@Global()
@Module({})
class TestClockModule {
  static with(clock: TestClock): DynamicModule {
    return {
      module: TestClockModule,
      providers: [{ provide: RECTIFICATION_CLOCK, useValue: clock }],
      exports: [RECTIFICATION_CLOCK],
    };
  }
}

/** A feature for `createTestServer({ plugins })`: rectification and supervision read "now" from `clock`. */
export function testClockFeature(clock: TestClock): PingyiFeature {
  return definePingyiFeature({ name: 'test-clock', module: TestClockModule.with(clock) });
}
