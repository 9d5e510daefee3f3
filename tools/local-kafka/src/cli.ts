import { startLocalKafka } from './local-kafka';

// `npm run kafka`: one broker in the foreground until Ctrl-C.
async function main(): Promise<void> {
  const kafka = await startLocalKafka({ partitions: 3 });
  console.log(`Kafka ready in ${kafka.startupMs} ms. Bootstrap: ${kafka.brokers.join(',')}`);
  console.log(`Use it with: KAFKA_BROKERS=${kafka.brokers.join(',')}`);
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
