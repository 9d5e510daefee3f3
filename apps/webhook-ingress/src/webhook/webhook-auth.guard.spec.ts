import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { loadIngressConfig } from '../config/ingress.config';
import { WebhookAuthGuard } from './webhook-auth.guard';

const SECRET = 'the-configured-secret';

function contextWith(headers: Record<string, string | string[]>): ExecutionContext {
  const http = { getRequest: () => ({ headers }) };
  return { switchToHttp: () => http } as unknown as ExecutionContext;
}

describe(WebhookAuthGuard.name, () => {
  const sut = new WebhookAuthGuard(loadIngressConfig({ KAFKA_BROKERS: 'k:9092', WEBHOOK_SECRET: SECRET }));

  it('lets the exact secret through', () => {
    expect(sut.canActivate(contextWith({ 'x-webhook-token': SECRET }))).toBe(true);
  });

  it.each([
    ['a wrong secret', { 'x-webhook-token': 'the-configured-secreT' }],
    ['a prefix of the secret', { 'x-webhook-token': SECRET.slice(0, -1) }],
    ['a longer value', { 'x-webhook-token': `${SECRET}x` }],
    ['no header', {}],
    ['the secret in another header', { authorization: SECRET }],
    ['a repeated header', { 'x-webhook-token': [SECRET, SECRET] }],
  ])('refuses %s', (_case, headers) => {
    expect(() => sut.canActivate(contextWith(headers))).toThrow(UnauthorizedException);
  });

  it('lets everything through in demo mode without a secret', () => {
    const demo = new WebhookAuthGuard(loadIngressConfig({ KAFKA_BROKERS: 'k:9092', DEMO_MODE: 'true' }));
    expect(demo.canActivate(contextWith({}))).toBe(true);
  });
});
