import { startSystem } from './system';

describe(startSystem.name, () => {
  const quiet = { output: () => undefined };

  it('refuses Kafka security settings without KAFKA_BROKERS: the local broker it would start is PLAINTEXT', async () => {
    await expect(
      startSystem({ ...quiet, env: { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_PASSWORD: 'pw-4711' } }),
    ).rejects.toThrow(
      /^KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_PASSWORD set without KAFKA_BROKERS: the local broker npm start runs is PLAINTEXT/,
    );
  });

  it('checks the Kafka settings before starting anything, naming the variable and not its value', async () => {
    const run = startSystem({
      ...quiet,
      env: {
        KAFKA_BROKERS: '127.0.0.1:1',
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SASL_MECHANISM: 'md5-4711',
      },
    });
    await expect(run).rejects.toThrow('KAFKA_SASL_MECHANISM must be one of');
    await expect(run).rejects.not.toThrow('md5-4711');
  });
});
