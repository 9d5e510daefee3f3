import { type SecureListeners } from './secure-broker';

export interface BrokerLayout {
  port: number;
  controllerPort: number;
  dataDir: string;
  partitions: number;
  secure?: SecureListeners;
}

/** Sized for a 2-core machine; the log-cleaner buffer's 128 MiB default would not fit the 256 MiB heap. */
export function serverProperties(layout: BrokerLayout): string {
  const { port, controllerPort, dataDir, partitions, secure } = layout;
  const secureListeners = secure
    ? `,SASL_SSL://127.0.0.1:${secure.saslPort},MTLS://127.0.0.1:${secure.mtlsPort}`
    : '';
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}${secureListeners}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}${secureListeners}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${secure ? ',SASL_SSL:SASL_SSL,MTLS:SSL' : ''}`,
    `log.dirs=${dataDir}`,
    `num.partitions=${partitions}`,
    'auto.create.topics.enable=true',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=2',
    'log.cleaner.dedupe.buffer.size=8388608',
    'log.flush.interval.messages=9223372036854775807',
    ...(secure ? securityProperties(secure) : []),
    '',
  ].join('\n');
}

/** Kafka's default OAUTHBEARER validator accepts unsigned JWTs: enough to prove the client side. */
function securityProperties(secure: SecureListeners): string[] {
  const jaas = (module: string, options = ''): string =>
    `org.apache.kafka.common.security.${module} required${options};`;
  return [
    'ssl.keystore.type=PEM',
    `ssl.keystore.location=${secure.keystoreLocation}`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${secure.truststoreLocation}`,
    'listener.name.mtls.ssl.client.auth=required',
    'listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512,SCRAM-SHA-256,PLAIN,OAUTHBEARER',
    `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=${jaas('scram.ScramLoginModule')}`,
    `listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=${jaas('scram.ScramLoginModule')}`,
    `listener.name.sasl_ssl.plain.sasl.jaas.config=${jaas('plain.PlainLoginModule', ` user_${secure.username}="${secure.password}"`)}`,
    `listener.name.sasl_ssl.oauthbearer.sasl.jaas.config=${jaas('oauthbearer.OAuthBearerLoginModule', ` unsecuredLoginStringClaim_sub="broker" unsecuredValidatorRequiredScope="${secure.oauthbearerScope}"`)}`,
  ];
}
