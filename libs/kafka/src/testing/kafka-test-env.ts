import { randomUUID } from 'node:crypto';
import { createKafka, parseBrokers } from '../kafka-connection';

export function testBrokers(): string[] {
  const value = process.env['KAFKA_BROKERS'];
  if (!value) {
    throw new Error('KAFKA_BROKERS is not set: run integration tests through jest.integration.config.js');
  }
  return parseBrokers(value);
}

export function testKafka(clientId = 'tiersync-test') {
  return createKafka({ brokers: testBrokers(), clientId });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
