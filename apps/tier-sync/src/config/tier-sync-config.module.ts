import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { environmentValidator } from '@tiersync/env-config';
import { TIER_SYNC_CONFIG, toTierSyncConfig, type TierSyncVariables } from './tier-sync.config';
import { TierSyncEnvironment } from './tier-sync.environment';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      cache: true,
      ignoreEnvFile: true,
      validate: environmentValidator(TierSyncEnvironment),
    }),
  ],
  providers: [
    {
      provide: TIER_SYNC_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<TierSyncEnvironment, true>) =>
        toTierSyncConfig(environmentOf(config)),
    },
  ],
  exports: [TIER_SYNC_CONFIG],
})
export class TierSyncConfigModule {}

function environmentOf(config: ConfigService<TierSyncEnvironment, true>): TierSyncVariables {
  return new Proxy({} as TierSyncVariables, {
    get: (_target, key): unknown => config.get(key as keyof TierSyncVariables, { infer: true }),
  });
}
