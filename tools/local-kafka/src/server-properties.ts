export interface BrokerLayout {
  port: number;
  controllerPort: number;
  dataDir: string;
  partitions: number;
}

/**
 * A combined broker+controller KRaft node on loopback, sized for a 2-core test machine: one partition
 * for the internal topics, no initial rebalance delay, and a small log-cleaner buffer (its default
 * 128 MiB would not fit the 256 MiB heap).
 */
export function serverProperties(layout: BrokerLayout): string {
  const { port, controllerPort, dataDir, partitions } = layout;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
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
    '',
  ].join('\n');
}
