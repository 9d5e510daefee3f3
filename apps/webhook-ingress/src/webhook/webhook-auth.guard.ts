import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Capillary can only send a static secret header. Comparing SHA-256 digests keeps timingSafeEqual's inputs
 * the same length, so neither the secret's content nor its length leaks through timing.
 */
@Injectable()
export class WebhookAuthGuard implements CanActivate {
  private readonly expected: Buffer | undefined;
  private readonly headerName: string;

  constructor(@Inject(INGRESS_CONFIG) config: IngressConfig) {
    this.headerName = config.auth.headerName;
    this.expected = config.auth.secret === undefined ? undefined : digest(config.auth.secret);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) {
      return true; // demo mode without a secret, announced at start-up
    }
    const { headers } = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>();
    const provided = headers[this.headerName];
    if (typeof provided !== 'string' || !timingSafeEqual(digest(provided), this.expected)) {
      throw new UnauthorizedException();
    }
    return true;
  }
}
