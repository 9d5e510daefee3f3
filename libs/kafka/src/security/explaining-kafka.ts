import {
  Kafka,
  type Admin,
  type AdminConfig,
  type Consumer,
  type ConsumerConfig,
  type KafkaConfig,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import { explainConnectFailure } from './connect-failure.explainer';
import { type KafkaSecuritySettings } from './kafka-security.settings';

/** So every process reports a wrong secured setting alike, without wrapping each connect call. */
export class ExplainingKafka extends Kafka {
  constructor(
    config: KafkaConfig,
    private readonly settings: KafkaSecuritySettings,
  ) {
    super(config);
  }

  override producer(config?: ProducerConfig): Producer {
    return this.explained(super.producer(config));
  }

  override consumer(config: ConsumerConfig): Consumer {
    return this.explained(super.consumer(config));
  }

  override admin(config?: AdminConfig): Admin {
    return this.explained(super.admin(config));
  }

  private explained<T extends { connect(): Promise<void> }>(client: T): T {
    const connect = client.connect.bind(client);
    client.connect = async () => {
      try {
        await connect();
      } catch (error) {
        throw explainConnectFailure(error, this.settings);
      }
    };
    return client;
  }
}
