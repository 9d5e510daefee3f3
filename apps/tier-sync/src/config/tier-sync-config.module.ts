import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { validateEnvironment } from './env.validation';
import { type EnvironmentVariables } from './environment.variables';
import { buildTierSyncConfig, TIER_SYNC_CONFIG } from './tier-sync.config';

/** The environment, validated once at boot, offered to every module as the typed TierSyncConfig. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ cache: true, ignoreEnvFile: true, validate: validateEnvironment })],
  providers: [
    {
      provide: TIER_SYNC_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) =>
        buildTierSyncConfig((key) => config.get(key, { infer: true })),
    },
  ],
  exports: [TIER_SYNC_CONFIG],
})
export class TierSyncConfigModule {}
