import { describeConfigReference } from '@tiersync/workspace-checks';
import { loadIngressConfig } from './ingress.config';
import { IngressEnvironment } from './ingress.environment';

describeConfigReference({
  section: 'webhook-ingress',
  schema: IngressEnvironment,
  load: (env) => loadIngressConfig(env).auth.secret,
  variable: 'WEBHOOK_SECRET',
});
