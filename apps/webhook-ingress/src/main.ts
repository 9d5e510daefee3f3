import { exitOnStartFailure, runIngressServer } from './app/ingress-server';
import { loadIngressConfig } from './config/ingress.config';

async function bootstrap(): Promise<void> {
  await runIngressServer(loadIngressConfig(process.env));
}

bootstrap().catch(exitOnStartFailure);
