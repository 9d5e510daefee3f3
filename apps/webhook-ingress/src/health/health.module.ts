import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness; PublisherLifecycle comes from the global PublishingModule. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
