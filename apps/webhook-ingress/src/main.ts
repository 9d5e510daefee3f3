import { exitOnStartFailure, runIngressServer } from './app/ingress-server';
import { loadIngressConfig } from './config/ingress.config';

/** Bootstraps only: the validated environment in, the running server out. */
async function bootstrap(): Promise<void> {
  await runIngressServer(loadIngressConfig(process.env));
}

bootstrap().catch(exitOnStartFailure);
