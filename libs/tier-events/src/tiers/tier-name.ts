export type ProgramTierLookup = (programId: number) => ReadonlyMap<number, string> | undefined;

/** The event's own `tiers` first (the vendor recipe); they are null in the enriched samples. */
export function tierNameOf(
  programId: number,
  tierNumber: number,
  payloadTiers: readonly { readonly tierNumber: number; readonly tierName: string }[] | null | undefined,
  fallback?: ReadonlyMap<number, string> | ProgramTierLookup,
): string | undefined {
  const fromPayload = payloadTiers?.find((tier) => tier.tierNumber === tierNumber)?.tierName;
  if (fromPayload !== undefined && fromPayload.trim() !== '') {
    return fromPayload;
  }
  const programTiers = typeof fallback === 'function' ? fallback(programId) : fallback;
  return programTiers?.get(tierNumber);
}
