import { Controller, Get, UseFilters } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Readiness } from './readiness';

// Nest's own 503 rendering, whatever the app's catch-all filter (the ingress's answers 5xx as 429).
@UseFilters(BaseExceptionFilter)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: Readiness,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    const checks = Object.entries(this.readiness.evaluate()).map(([name, passes]) => () => {
      const indicator = this.indicators.check(name);
      return passes ? indicator.up() : indicator.down();
    });
    return this.health.check(checks);
  }
}
