import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type PingyiConfig } from './pingyi-config';
import { PINGYI_CONFIG } from './config.tokens';

/** Makes the {@link PingyiConfig} injectable everywhere: `@Inject(PINGYI_CONFIG) config: PingyiConfig`. */
@Global()
@Module({})
export class PingyiConfigModule {
  static forRoot(config: PingyiConfig): DynamicModule {
    return {
      module: PingyiConfigModule,
      providers: [{ provide: PINGYI_CONFIG, useValue: config }],
      exports: [PINGYI_CONFIG],
    };
  }
}
