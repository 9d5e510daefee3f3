import { AppProcess } from '@tiersync/app-process';
import { startCapillarySim, type CapillarySim } from '@tiersync/capillary-sim';
import { KAFKA_SECURITY_ENV, kafkaConnectionFromEnv } from '@tiersync/kafka';
import { startLocalKafka, type LocalKafka } from '@tiersync/local-kafka';
import { randomBytes } from 'node:crypto';

export interface SystemOptions {
  env?: NodeJS.ProcessEnv;
  output?: (line: string) => void;
}

export interface RunningSystem {
  brokers: string[];
  webhookUrl: string;
  authHeader: string;
  secret: string;
  capillaryUrl: string;
  /** The Capillary variables tier-sync was started with, for a tool that calls the same org. */
  capillaryEnv: Record<string, string>;
  sim: CapillarySim | undefined;
  syncUrl: string;
  stop(): Promise<void>;
}

/** Whatever started is stopped again, in reverse order, if a later step fails. */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const env = options.env ?? process.env;
  const log =
    options.output ??
    ((line: string) => {
      console.log(line);
    });
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) {
      await step().catch((error: unknown) => {
        log(`[launcher] stop failed: ${String(error)}`);
      });
    }
  };
  try {
    const brokers = await kafkaBrokers(env, log, stops);
    const ingressPort = env['INGRESS_PORT'] ?? '3000';
    const syncPort = env['SYNC_HTTP_PORT'] ?? '3001';
    const authHeader = env['WEBHOOK_AUTH_HEADER'] ?? 'x-webhook-token';
    const secret = env['WEBHOOK_SECRET'] ?? randomBytes(18).toString('base64url');
    const webhookPath = env['WEBHOOK_PATH'] ?? '/webhooks/capillary';
    const webhookUrl = `http://127.0.0.1:${ingressPort}${webhookPath}`;

    const sim = env['CAPILLARY_BASE_URL']
      ? undefined
      : await startCapillarySim({
          port: Number(env['SIM_PORT'] ?? 4010),
          webhook: { url: webhookUrl, headerName: authHeader, secret },
        });
    if (sim) {
      stops.push(() => sim.stop());
      log(`[launcher] Capillary simulator with the demo org at ${sim.url}`);
    }
    const capillaryUrl = sim?.url ?? env['CAPILLARY_BASE_URL'] ?? '';

    // The apps get the launcher's whole environment (topic prefix, sync policy, ...) plus what it decided.
    const passed = Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const common = { ...passed, KAFKA_BROKERS: brokers.join(',') };
    await started(
      new AppProcess('webhook-ingress', { onLine: prefixed('ingress', log) }),
      {
        ...common,
        INGRESS_PORT: ingressPort,
        WEBHOOK_PATH: webhookPath,
        WEBHOOK_AUTH_HEADER: authHeader,
        WEBHOOK_SECRET: secret,
      },
      `http://127.0.0.1:${ingressPort}/health/ready`,
      stops,
    );
    // The simulator keeps no quota, so the safe default for a real org would only slow the demo.
    const simCredentials: Record<string, string> = sim
      ? {
          CAPILLARY_AUTH: 'basic',
          CAPILLARY_USERNAME: 'demo.till',
          CAPILLARY_PASSWORD: 'demo-password',
          CAPILLARY_RATE_LIMIT_PER_MINUTE: env['CAPILLARY_RATE_LIMIT_PER_MINUTE'] ?? '0',
        }
      : {};
    const capillaryEnv = { ...simCredentials, CAPILLARY_BASE_URL: capillaryUrl };
    await started(
      new AppProcess('tier-sync', { onLine: prefixed('tier-sync', log) }),
      { ...common, ...capillaryEnv, SYNC_HTTP_PORT: syncPort },
      `http://127.0.0.1:${syncPort}/health/ready`,
      stops,
    );
    return {
      brokers,
      webhookUrl,
      authHeader,
      secret,
      capillaryUrl,
      capillaryEnv,
      sim,
      syncUrl: `http://127.0.0.1:${syncPort}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function kafkaBrokers(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  stops: (() => Promise<void>)[],
): Promise<string[]> {
  const configured = env['KAFKA_BROKERS']?.trim();
  if (configured) {
    // Checked once here, as the apps will check them, so that a wrong setting stops nothing half-started.
    const connection = kafkaConnectionFromEnv(env, 'tiersync-launcher');
    const protocol = connection.security?.settings.securityProtocol ?? 'PLAINTEXT';
    log(`[launcher] using Kafka at ${configured} (${protocol})`);
    return connection.brokers;
  }
  const securitySet = Object.values(KAFKA_SECURITY_ENV).filter((name) => env[name]);
  if (securitySet.length > 0) {
    throw new Error(
      `${securitySet.join(', ')} set without KAFKA_BROKERS: the local broker npm start runs is PLAINTEXT; set KAFKA_BROKERS to your cluster, or unset them`,
    );
  }
  log('[launcher] starting a local Kafka broker (first run resolves its jars from Maven Central)...');
  const kafka: LocalKafka = await startLocalKafka({ partitions: 3 });
  stops.push(() => kafka.stop());
  log(`[launcher] Kafka ready at ${kafka.brokers.join(',')} in ${kafka.startupMs} ms`);
  return kafka.brokers;
}

function prefixed(name: string, log: (line: string) => void): (line: string) => void {
  return (line) => {
    log(`[${name}] ${line}`);
  };
}

async function started(
  app: AppProcess,
  env: Record<string, string>,
  readyUrl: string,
  stops: (() => Promise<void>)[],
): Promise<void> {
  app.start(env);
  stops.push(async () => {
    await app.stop();
  });
  await app.untilReady(readyUrl);
}
