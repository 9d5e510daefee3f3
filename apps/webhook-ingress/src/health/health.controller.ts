import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { PublisherLifecycle } from '../publishing/publisher.lifecycle';

@Controller('health')
export class HealthController {
  constructor(private readonly publishing: PublisherLifecycle) {}

  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): { status: string } {
    if (this.publishing.isReady()) {
      return { status: 'ready' };
    }
    void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'not ready' };
  }
}
