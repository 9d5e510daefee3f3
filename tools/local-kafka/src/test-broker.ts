import { startKafkaContainer } from './kafka-container';
import { startLocalKafka } from './local-kafka';

export interface TestBroker {
  brokers: string[];
  source: 'KAFKA_BROKERS' | 'testcontainers' | 'local-kafka';
  stop(): Promise<void>;
}

/** The runtime itself is probed: a docker client without an engine still answers `docker --version`. */
export async function chooseTestBroker(env: NodeJS.ProcessEnv = process.env): Promise<TestBroker> {
  const configured = env['KAFKA_BROKERS']?.trim();
  if (configured) {
    return {
      brokers: configured.split(',').map((b) => b.trim()),
      source: 'KAFKA_BROKERS',
      stop: () => Promise.resolve(),
    };
  }
  if (env['TIERSYNC_NO_CONTAINERS'] !== '1' && (await containerRuntimeAnswers())) {
    const container = await startKafkaContainer();
    return { ...container, source: 'testcontainers' };
  }
  const local = await startLocalKafka();
  return { brokers: local.brokers, source: 'local-kafka', stop: () => local.stop() };
}

async function containerRuntimeAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
