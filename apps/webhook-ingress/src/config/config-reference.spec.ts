import { describeConfigReference } from '@tiersync/workspace-checks';
import { EnvironmentVariables } from './environment-variables';
import { loadIngressConfig } from './ingress-config';

describeConfigReference({
  section: 'webhook-ingress',
  schema: EnvironmentVariables,
  load: (env) => loadIngressConfig(env).auth.secret,
  variable: 'WEBHOOK_SECRET',
});
