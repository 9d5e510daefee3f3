import { serverProperties, type BrokerLayout } from './server-properties';

const plain: BrokerLayout = { port: 9092, controllerPort: 9093, dataDir: '/tmp/k/data', partitions: 3 };

function properties(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe(serverProperties.name, () => {
  it('gives a plain broker one PLAINTEXT client listener and no TLS or SASL', () => {
    const sut = properties(serverProperties(plain));
    expect(sut.get('listeners')).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(sut.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:9092');
    expect(sut.get('listener.security.protocol.map')).toBe('CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT');
    expect([...sut.keys()].filter((key) => /ssl|sasl/.test(key))).toEqual([]);
  });

  it('adds a SASL_SSL and an mTLS listener to a secured broker, keeping the broker-to-broker one', () => {
    const secure = {
      saslPort: 9094,
      mtlsPort: 9095,
      keystoreLocation: '/tmp/k/broker-keystore.pem',
      truststoreLocation: '/tmp/k/ca.pem',
      username: 'tiersync',
      password: 'pw',
      oauthbearerScope: 'kafka',
    };
    const sut = properties(serverProperties({ ...plain, secure }));
    expect(sut.get('listeners')).toBe(
      'PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,SASL_SSL://127.0.0.1:9094,MTLS://127.0.0.1:9095',
    );
    expect(sut.get('advertised.listeners')).toBe(
      'PLAINTEXT://127.0.0.1:9092,SASL_SSL://127.0.0.1:9094,MTLS://127.0.0.1:9095',
    );
    expect(sut.get('inter.broker.listener.name')).toBe('PLAINTEXT');
    expect(sut.get('listener.security.protocol.map')).toBe(
      'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,MTLS:SSL',
    );
    expect(sut.get('ssl.keystore.type')).toBe('PEM');
    expect(sut.get('ssl.keystore.location')).toBe(secure.keystoreLocation);
    expect(sut.get('ssl.truststore.location')).toBe(secure.truststoreLocation);
    expect(sut.get('listener.name.mtls.ssl.client.auth')).toBe('required');
    expect(sut.get('listener.name.sasl_ssl.sasl.enabled.mechanisms')).toBe(
      'SCRAM-SHA-512,SCRAM-SHA-256,PLAIN,OAUTHBEARER',
    );
    expect(sut.get('listener.name.sasl_ssl.plain.sasl.jaas.config')).toContain('user_tiersync="pw"');
    expect(sut.get('listener.name.sasl_ssl.oauthbearer.sasl.jaas.config')).toContain(
      'unsecuredValidatorRequiredScope="kafka"',
    );
  });
});
