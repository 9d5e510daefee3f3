/** Reading what is left of a record that failed its schema: every reader here returns undefined rather than throw. */

export function jsonObject(value: unknown): Record<string, unknown> {
  let parsed = value;
  if (Buffer.isBuffer(value)) {
    try {
      parsed = JSON.parse(value.toString('utf8')) as unknown;
    } catch {
      return {};
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** A Capillary id: a positive safe integer, also when sent as a decimal string (a record key always is). */
export function idOf(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
