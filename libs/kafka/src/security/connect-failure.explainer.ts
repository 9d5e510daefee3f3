import { KafkaJSSASLAuthenticationError } from 'kafkajs';
import { errorCause, errorField } from './error-details';
import { KafkaSecurityError } from './kafka-security.error';
import { KAFKA_SECURITY_ENV, type KafkaSecuritySettings } from './kafka-security.settings';

const ENV = KAFKA_SECURITY_ENV;

const UNTRUSTED_BROKER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

const REFUSED_CLIENT_CERTIFICATE = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
]);

/** What a plain-TCP listener's answer looks like to a TLS client. */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);

/** kafkajs retries connects: a wrong CA fails in seconds, a wrong password at once (SASL is not retried). */
export async function connectExplained(
  client: { connect(): Promise<void> },
  settings: KafkaSecuritySettings,
): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    throw explainConnectFailure(error, settings);
  }
}

export function explainConnectFailure(error: unknown, settings: KafkaSecuritySettings): unknown {
  const chain = causes(error);
  const own = chain.find((e) => e instanceof KafkaSecurityError);
  if (own) {
    return own;
  }
  const hint = hintFor(chain, settings);
  return hint === undefined
    ? error
    : new KafkaSecurityError(`Kafka refused the connection: ${hint}`, { cause: error });
}

function hintFor(chain: unknown[], settings: KafkaSecuritySettings): string | undefined {
  if (chain.some((e) => e instanceof KafkaJSSASLAuthenticationError)) {
    return settings.saslMechanism === 'OAUTHBEARER'
      ? `the OAUTHBEARER token was not accepted: check ${ENV.saslOauthbearerTokenEndpointUrl}, ${ENV.saslOauthbearerClientId} and ${ENV.saslOauthbearerScope}`
      : `SASL authentication failed: check ${ENV.saslUsername}, ${ENV.saslPassword} and ${ENV.saslMechanism}`;
  }
  const codes = new Set(chain.map((e) => errorField(e, 'code')).filter((c) => c !== undefined));
  const has = (set: Set<string>): boolean => [...codes].some((c) => set.has(c));
  if (has(UNTRUSTED_BROKER)) {
    return settings.sslCaLocation === undefined
      ? `the broker's certificate is not signed by a CA the system trusts: set ${ENV.sslCaLocation}`
      : `the broker's certificate is not signed by a CA in ${ENV.sslCaLocation}`;
  }
  if (codes.has('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return `the broker's certificate does not name the address connected to: check KAFKA_BROKERS, or set ${ENV.sslEndpointIdentificationAlgorithm}=none`;
  }
  if (codes.has('CERT_HAS_EXPIRED') || codes.has('CERT_NOT_YET_VALID')) {
    return "the broker's certificate is expired or not yet valid (a broker-side fix)";
  }
  if (has(REFUSED_CLIENT_CERTIFICATE)) {
    return settings.sslCertificateLocation === undefined
      ? `the broker requires a client certificate: set ${ENV.sslCertificateLocation} and ${ENV.sslKeyLocation}`
      : `the broker does not accept the client certificate in ${ENV.sslCertificateLocation}`;
  }
  if (has(NOT_TLS)) {
    return `the listener does not speak TLS: check ${ENV.securityProtocol} and KAFKA_BROKERS`;
  }
  return undefined;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; typeof e === 'object' && e !== null && !chain.includes(e); e = errorCause(e)) {
    chain.push(e);
  }
  return chain;
}
