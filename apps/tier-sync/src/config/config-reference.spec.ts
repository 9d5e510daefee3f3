import { describeConfigReference } from '@tiersync/workspace-checks';
import { validateEnvironment } from './env.validation';
import { EnvironmentVariables } from './environment.variables';

describeConfigReference({
  section: 'tier-sync',
  schema: EnvironmentVariables,
  load: (env) => validateEnvironment(env).CAPILLARY_BASE_URL,
  variable: 'CAPILLARY_BASE_URL',
});
