import { Catch, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';
import { IngressMetrics } from '../metrics/ingress.metrics';
import { toErrorResponse } from './error-response';

@Catch()
export class IngressExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(IngressExceptionFilter.name);

  constructor(
    @Inject(INGRESS_CONFIG) private readonly config: IngressConfig,
    private readonly metrics: IngressMetrics,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response = toErrorResponse(exception);
    if (request.routeOptions.url === this.config.http.webhookPath) {
      this.metrics.countRequest(response.outcome);
    }
    if (response.unexpected === true) {
      this.logger.error(
        { message: 'unexpected error, answered 500', url: request.url },
        errorStack(exception),
      );
    }
    if (response.status === 429) {
      void reply.header('retry-after', String(this.config.publishing.retryAfterSeconds));
    }
    void reply.status(response.status).send(response.body);
  }
}

function errorStack(exception: unknown): string {
  return exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
}
