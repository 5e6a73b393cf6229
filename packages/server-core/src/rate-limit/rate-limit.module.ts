import { Global, Module } from '@nestjs/common';
import { RateLimiters } from './rate-limiters';

/** Provides {@link RateLimiters} to every module (sign-in, code guessing, the anonymous flood guard). */
@Global()
@Module({ providers: [RateLimiters], exports: [RateLimiters] })
export class RateLimitModule {}
