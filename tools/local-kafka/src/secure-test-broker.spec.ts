import { startLocalKafka } from './local-kafka';
import { chooseSecureTestBroker } from './secure-test-broker';

jest.mock('./local-kafka');
const start = jest.mocked(startLocalKafka);

describe(chooseSecureTestBroker.name, () => {
  beforeEach(() => start.mockReset());

  it('uses the secured cluster the KAFKA_SECURE_* variables describe, starting nothing', async () => {
    const sut = await chooseSecureTestBroker({ KAFKA_SECURE_SASL_BROKERS: 'kafka.example:9096' });
    expect(sut.source).toBe('KAFKA_SECURE_*');
    expect(sut.env).toEqual({});
    expect(start).not.toHaveBeenCalled();
  });

  it('starts a secured local broker otherwise, even when KAFKA_BROKERS names a cluster', async () => {
    const stop = jest.fn(() => Promise.resolve());
    start.mockResolvedValue({
      brokers: ['127.0.0.1:1'],
      startupMs: 1,
      stop,
      stopBroker: jest.fn(() => Promise.resolve()),
      startBroker: jest.fn(() => Promise.resolve()),
      secure: {
        saslBrokers: ['127.0.0.1:2'],
        mtlsBrokers: ['127.0.0.1:3'],
        caLocation: '/d/ca.pem',
        certificateLocation: '/d/client.pem',
        keyLocation: '/d/client.key',
        keyPassword: 'kp',
        saslUsername: 'u',
        saslPassword: 'pw',
        oauthbearerScope: 'kafka',
      },
    });
    const sut = await chooseSecureTestBroker({ KAFKA_BROKERS: 'kafka.example:9092' });
    expect(start).toHaveBeenCalledWith({ secure: true });
    expect(sut.source).toBe('local-kafka');
    expect(sut.env).toMatchObject({
      KAFKA_SECURE_SASL_BROKERS: '127.0.0.1:2',
      KAFKA_SECURE_SASL_PASSWORD: 'pw',
    });
    await sut.stop();
    expect(stop).toHaveBeenCalled();
  });

  it('passes the reason on when no secured broker can be started', async () => {
    start.mockRejectedValue(
      new Error(
        'Could not resolve the Kafka 3.9.1 jars with Maven (is mvn on PATH?): spawn mvn ENOENT\nmore',
      ),
    );
    const sut = await chooseSecureTestBroker({});
    expect(sut.source).toBe('unavailable');
    expect(sut.env).toEqual({
      KAFKA_SECURE_UNAVAILABLE:
        'Could not resolve the Kafka 3.9.1 jars with Maven (is mvn on PATH?): spawn mvn ENOENT',
    });
  });
});
