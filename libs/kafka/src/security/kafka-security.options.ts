import { type KafkaConfig, type SASLOptions } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { createSecureContext, type ConnectionOptions } from 'node:tls';
import { errorField } from './error-details';
import { KafkaSecurityError } from './kafka-security.error';
import { KAFKA_SECURITY_ENV, type KafkaSecuritySettings } from './kafka-security.settings';
import {
  OAuthBearerTokenProvider,
  type OAuthBearerTokenProviderOptions,
} from './oauth-bearer.token-provider';

export type KafkaSecurityOptions = Pick<KafkaConfig, 'ssl' | 'sasl'>;

export interface KafkaSecurityMapping {
  readFile?: (path: string) => string;
  oauthbearer?: OAuthBearerTokenProviderOptions;
}

type Field = keyof KafkaSecuritySettings;
const ENV = KAFKA_SECURITY_ENV;
const TLS_FIELDS: readonly Field[] = [
  'sslCaLocation',
  'sslCertificateLocation',
  'sslKeyLocation',
  'sslKeyPassword',
];
const PASSWORD_FIELDS: readonly Field[] = ['saslUsername', 'saslPassword'];
const OAUTHBEARER_FIELDS: readonly Field[] = [
  'saslOauthbearerTokenEndpointUrl',
  'saslOauthbearerClientId',
  'saslOauthbearerClientSecret',
  'saslOauthbearerScope',
];

/** Files are read and combinations checked once, so a setting that cannot work fails at boot. */
export function kafkaSecurityOptions(
  settings: KafkaSecuritySettings,
  mapping: KafkaSecurityMapping = {},
): KafkaSecurityOptions {
  const protocol = settings.securityProtocol;
  const tls = protocol === 'SSL' || protocol === 'SASL_SSL';
  const sasl = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
  if (!tls) {
    refuseSet(
      settings,
      TLS_FIELDS,
      `${ENV.securityProtocol}=${protocol} does not use TLS (SSL or SASL_SSL do)`,
    );
  }
  if (!sasl) {
    refuseSet(
      settings,
      ['saslMechanism', ...PASSWORD_FIELDS, ...OAUTHBEARER_FIELDS],
      `${ENV.securityProtocol}=${protocol} does not use SASL (SASL_PLAINTEXT or SASL_SSL do)`,
    );
  }
  return {
    ...(tls && { ssl: sslOptions(settings, mapping.readFile ?? ((path) => readFileSync(path, 'utf8'))) }),
    ...(sasl && { sasl: saslOptions(settings, mapping.oauthbearer) }),
  };
}

function sslOptions(settings: KafkaSecuritySettings, readFile: (path: string) => string): ConnectionOptions {
  const { sslCertificateLocation, sslKeyLocation, sslKeyPassword } = settings;
  if ((sslCertificateLocation === undefined) !== (sslKeyLocation === undefined)) {
    throw new KafkaSecurityError(
      `${ENV.sslCertificateLocation} and ${ENV.sslKeyLocation} go together: set both for a client certificate, or neither`,
    );
  }
  if (sslKeyPassword !== undefined && sslKeyLocation === undefined) {
    throw new KafkaSecurityError(`${ENV.sslKeyPassword} is set but ${ENV.sslKeyLocation} is not`);
  }
  const pem = (field: Field, marker: RegExp): string | undefined => {
    const location = settings[field];
    if (location === undefined) {
      return undefined;
    }
    let content: string;
    try {
      content = readFile(location);
    } catch (error) {
      throw new KafkaSecurityError(`${ENV[field]} names a file that cannot be read (${codeOf(error)})`, {
        cause: error,
      });
    }
    if (!marker.test(content)) {
      throw new KafkaSecurityError(
        `${ENV[field]} names a file without a PEM ${marker.source.replace(/\\/g, '')}`,
      );
    }
    return content;
  };
  const ca = pem('sslCaLocation', /CERTIFICATE/);
  const cert = pem('sslCertificateLocation', /CERTIFICATE/);
  const key = pem('sslKeyLocation', /PRIVATE KEY/);
  const options: ConnectionOptions = {
    ...(ca !== undefined && { ca: [ca] }),
    ...(cert !== undefined && { cert }),
    ...(key !== undefined && { key }),
    ...(sslKeyPassword !== undefined && { passphrase: sslKeyPassword }),
    ...(settings.sslEndpointIdentificationAlgorithm === 'none' && { checkServerIdentity: () => undefined }),
  };
  checkSecureContext(options);
  return options;
}

/** Node opens the key and pairs it with the certificate here, so a wrong one fails now, not per connection. */
function checkSecureContext(options: ConnectionOptions): void {
  try {
    createSecureContext(options);
  } catch (error) {
    const reason = errorField(error, 'message') ?? '';
    const message = /bad decrypt|bad password|interrupted or cancelled|PEM_read_bio/i.test(reason)
      ? `${ENV.sslKeyLocation} could not be opened: ${ENV.sslKeyPassword} is wrong or missing`
      : /key values mismatch/i.test(reason)
        ? `${ENV.sslKeyLocation} is not the key of the certificate in ${ENV.sslCertificateLocation}`
        : `TLS files rejected (${codeOf(error)}): check ${ENV.sslCaLocation}, ${ENV.sslCertificateLocation} and ${ENV.sslKeyLocation}`;
    throw new KafkaSecurityError(message, { cause: error });
  }
}

function saslOptions(
  settings: KafkaSecuritySettings,
  providerOptions: OAuthBearerTokenProviderOptions | undefined,
): SASLOptions {
  const mechanism = settings.saslMechanism;
  if (mechanism === undefined) {
    throw new KafkaSecurityError(
      `${ENV.saslMechanism} is required with ${ENV.securityProtocol}=${settings.securityProtocol}`,
    );
  }
  if (mechanism === 'OAUTHBEARER') {
    refuseSet(
      settings,
      PASSWORD_FIELDS,
      `${ENV.saslMechanism}=OAUTHBEARER uses the KAFKA_SASL_OAUTHBEARER_* settings`,
    );
    const tokenEndpointUrl = required(settings, 'saslOauthbearerTokenEndpointUrl', mechanism);
    if (!isHttpUrl(tokenEndpointUrl)) {
      throw new KafkaSecurityError(`${ENV.saslOauthbearerTokenEndpointUrl} must be an http(s) URL`);
    }
    const provider = new OAuthBearerTokenProvider(
      {
        tokenEndpointUrl,
        clientId: required(settings, 'saslOauthbearerClientId', mechanism),
        clientSecret: required(settings, 'saslOauthbearerClientSecret', mechanism),
        ...(settings.saslOauthbearerScope !== undefined && { scope: settings.saslOauthbearerScope }),
      },
      providerOptions,
    );
    return { mechanism: 'oauthbearer', oauthBearerProvider: () => provider.token() };
  }
  refuseSet(
    settings,
    OAUTHBEARER_FIELDS,
    `${ENV.saslMechanism}=${mechanism} uses ${ENV.saslUsername} and ${ENV.saslPassword}`,
  );
  const username = required(settings, 'saslUsername', mechanism);
  const password = required(settings, 'saslPassword', mechanism);
  switch (mechanism) {
    case 'PLAIN':
      return { mechanism: 'plain', username, password };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', username, password };
  }
}

function required(settings: KafkaSecuritySettings, field: Field, mechanism: string): string {
  const value = settings[field];
  if (value === undefined) {
    throw new KafkaSecurityError(`${ENV[field]} is required with ${ENV.saslMechanism}=${mechanism}`);
  }
  return value;
}

function refuseSet(settings: KafkaSecuritySettings, fields: readonly Field[], reason: string): void {
  const set = fields.filter((f) => settings[f] !== undefined);
  if (set.length > 0) {
    throw new KafkaSecurityError(`${set.map((f) => ENV[f]).join(', ')} set, but ${reason}`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function codeOf(error: unknown): string {
  return errorField(error, 'code') ?? 'no error code';
}
