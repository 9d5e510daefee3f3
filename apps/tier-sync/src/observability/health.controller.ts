import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { Readiness, type ReadinessReport } from './readiness';

@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** The process answers: restart it if not. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only while it can do its work: producer connected, dedupe window loaded, consumer running. */
  @Get('ready')
  ready(): ReadinessReport {
    const report = this.readiness.report();
    if (!report.ready) {
      throw new ServiceUnavailableException(report);
    }
    return report;
  }
}
