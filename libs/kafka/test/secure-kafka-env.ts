import { readSecureKafkaTestEnv, type SecureKafkaAccess } from '@tiersync/local-kafka';
import { logLevel, type Kafka, type LogEntry, type logCreator } from 'kafkajs';
import { createKafka } from '../src/kafka-connection';
import { kafkaSecurity } from '../src/security/kafka-security';
import { type KafkaSecuritySettings } from '../src/security/kafka-security.settings';

export function secureAccess(): SecureKafkaAccess {
  return readSecureKafkaTestEnv();
}

export function scramSettings(
  access: SecureKafkaAccess,
  saslMechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512' = 'SCRAM-SHA-512',
): KafkaSecuritySettings {
  return {
    securityProtocol: 'SASL_SSL',
    sslCaLocation: access.caLocation,
    sslEndpointIdentificationAlgorithm: 'https',
    saslMechanism,
    saslUsername: access.saslUsername,
    saslPassword: access.saslPassword,
  };
}

export function mtlsSettings(access: SecureKafkaAccess): KafkaSecuritySettings {
  return {
    securityProtocol: 'SSL',
    sslCaLocation: access.caLocation,
    sslCertificateLocation: access.certificateLocation,
    sslKeyLocation: access.keyLocation,
    sslKeyPassword: access.keyPassword,
    sslEndpointIdentificationAlgorithm: 'https',
  };
}

export function oauthSettings(
  access: SecureKafkaAccess,
  tokenEndpointUrl: string,
  client: { id: string; secret: string },
): KafkaSecuritySettings {
  return {
    securityProtocol: 'SASL_SSL',
    sslCaLocation: access.caLocation,
    sslEndpointIdentificationAlgorithm: 'https',
    saslMechanism: 'OAUTHBEARER',
    saslOauthbearerTokenEndpointUrl: tokenEndpointUrl,
    saslOauthbearerClientId: client.id,
    saslOauthbearerClientSecret: client.secret,
    saslOauthbearerScope: access.oauthbearerScope,
  };
}

export class CapturedLogs {
  readonly lines: string[] = [];

  readonly logCreator: logCreator = () => (entry: LogEntry) => {
    this.lines.push(JSON.stringify(entry));
  };

  leaked(secrets: Record<string, string>): string[] {
    return Object.entries(secrets)
      .filter(([, value]) => this.lines.some((line) => line.includes(value)))
      .map(([name]) => name);
  }
}

export function secureKafka(brokers: string[], settings: KafkaSecuritySettings, logs: CapturedLogs): Kafka {
  return createKafka(
    { brokers, clientId: 'secure-test', logLevel: logLevel.DEBUG, security: kafkaSecurity(settings) },
    { logCreator: logs.logCreator },
  );
}
