import { startLocalKafka } from './local-kafka';
import { clientVariables } from './secure-access';

async function main(): Promise<void> {
  const secure = process.argv.slice(2).includes('--secure');
  const kafka = await startLocalKafka({ partitions: 3, secure });
  if (kafka.secure) {
    console.log(`Kafka ready in ${kafka.startupMs} ms.`);
    const print = (title: string, variables: Record<string, string>): void => {
      console.log(
        `\n${title}\n${Object.entries(variables)
          .map(([name, value]) => `  ${name}=${value}`)
          .join('\n')}`,
      );
    };
    print(
      'SASL_SSL with SCRAM-SHA-512 (SCRAM-SHA-256 and PLAIN work with the same user):',
      clientVariables(kafka.secure, 'sasl'),
    );
    print('mTLS:', clientVariables(kafka.secure, 'mtls'));
    console.log(
      `\nOAUTHBEARER on the SASL_SSL listener: any client-credentials endpoint that issues unsigned JWTs with scope "${kafka.secure.oauthbearerScope}".`,
    );
  } else {
    console.log(`Kafka ready in ${kafka.startupMs} ms. Bootstrap: ${kafka.brokers.join(',')}`);
    console.log(`Use it with: KAFKA_BROKERS=${kafka.brokers.join(',')}`);
  }
  const shutdown = (): void => {
    kafka.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
