import { createHash } from 'node:crypto';

/** Never change it: every derived id would change with it. */
export const OPS_NAMESPACE = '6f1c2d0e-8a4b-4c1e-9f3a-2b7d5e9c1a40';

export function uuidV5(name: string, namespace: string = OPS_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) {
    throw new RangeError(`namespace must be a UUID, got "${namespace}"`);
  }
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
