import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Counter, Registry } from 'prom-client';
import { ObservabilityModule } from './observability.module';
import { Readiness } from './readiness';

class TestMetrics {
  readonly registry = new Registry();
  readonly handled = new Counter({ name: 'test_handled_total', help: 'handled', registers: [this.registry] });
}

describe(ObservabilityModule.name, () => {
  let app: NestFastifyApplication;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule.forRoot(TestMetrics)],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useLogger(false);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterEach(() => app.close());

  it('is live as soon as it answers', async () => {
    const live = await get('/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready only when every registered check passes, and never with none registered', async () => {
    expect((await get('/health/ready')).statusCode).toBe(503);
    const readiness = app.get(Readiness);
    let connected = false;
    readiness.register('producer', () => connected);
    readiness.register('consumer', () => true);
    const notReady = await get('/health/ready');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toMatchObject({
      status: 'error',
      error: { producer: { status: 'down' } },
      info: { consumer: { status: 'up' } },
    });
    connected = true;
    const ready = await get('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', details: { producer: { status: 'up' } } });
  });

  it("serves the app's own registry to Prometheus", async () => {
    app.get(TestMetrics).handled.inc(3);
    const scrape = await get('/metrics');
    expect(scrape.headers['content-type']).toBe(Registry.PROMETHEUS_CONTENT_TYPE);
    expect(scrape.body).toContain('test_handled_total 3');
  });
});
