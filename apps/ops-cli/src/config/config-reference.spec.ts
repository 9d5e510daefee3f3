import { describeConfigReference } from '@tiersync/workspace-checks';
import { loadOpsConfig } from './ops.config';
import { OpsEnvironment } from './ops.environment';

describeConfigReference({
  section: 'ops-cli',
  schema: OpsEnvironment,
  load: (env) => loadOpsConfig(env).capillary?.baseUrl,
  variable: 'CAPILLARY_BASE_URL',
});
