import { Controller, Get, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { IngressMetrics } from './ingress.metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: IngressMetrics) {}

  @Get()
  scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
