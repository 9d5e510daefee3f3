import { type IncomingHttpHeaders } from 'node:http';

const ALWAYS_SECRET = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

export function sanitizedHeaders(headers: IncomingHttpHeaders, secretHeader: string): Record<string, string> {
  const secret = new Set([...ALWAYS_SECRET, secretHeader.toLowerCase()]);
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !secret.has(name.toLowerCase())) {
      kept[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return kept;
}
