import { describeConfigReference } from '@tiersync/workspace-checks';
import { loadTierSyncConfig } from './tier-sync.config';
import { TierSyncEnvironment } from './tier-sync.environment';

describeConfigReference({
  section: 'tier-sync',
  schema: TierSyncEnvironment,
  load: (env) => loadTierSyncConfig(env).capillary.baseUrl,
  variable: 'CAPILLARY_BASE_URL',
});
