import { fleetGroupId, fleetGroupOfMember, type SimCall } from '@tiersync/capillary-sim';

export interface GroupOwnership {
  groups: number;
  handedOver: number;
  overlapping: number[];
  groupsPerCaller: Record<string, number>;
}

/** The router's primaryUserId lookups are left out: any instance makes them, and they are not a sync. */
export function syncedGroupOf(call: SimCall): number | undefined {
  if (call.endpoint === 'userGroup2' && call.query['id'] !== undefined) {
    return Number(call.query['id']) - fleetGroupId(0);
  }
  if (call.endpoint === 'userGroup2Members') {
    return Number(call.query['identifierValue']) - fleetGroupId(0);
  }
  if (call.endpoint === 'manualSlabAdjustment') {
    return fleetGroupOfMember(Number(call.query['identifierValue']));
  }
  if (call.endpoint === 'customers') {
    return fleetGroupOfMember(Number(/\/(\d+)$/.exec(call.path)?.[1]));
  }
  return undefined;
}

export function groupOwnership(calls: readonly SimCall[]): GroupOwnership {
  const spans = new Map<number, Map<string, { from: number; to: number }>>();
  for (const call of calls) {
    const group = syncedGroupOf(call);
    if (group === undefined || Number.isNaN(group)) {
      continue;
    }
    const byCaller = spans.get(group) ?? new Map<string, { from: number; to: number }>();
    spans.set(group, byCaller);
    const caller = call.caller ?? '?';
    const span = byCaller.get(caller) ?? { from: call.at, to: call.at };
    span.from = Math.min(span.from, call.at);
    span.to = Math.max(span.to, call.at + (call.durationMs ?? 0));
    byCaller.set(caller, span);
  }
  const overlapping = [...spans]
    .filter(([, byCaller]) => {
      const sorted = [...byCaller.values()].sort((a, b) => a.from - b.from);
      return sorted.some((span, i) => i > 0 && span.from < (sorted[i - 1]?.to ?? 0));
    })
    .map(([group]) => group);
  return {
    groups: spans.size,
    handedOver: [...spans.values()].filter((byCaller) => byCaller.size > 1).length,
    overlapping,
    groupsPerCaller: Object.fromEntries(
      [...new Set([...spans.values()].flatMap((byCaller) => [...byCaller.keys()]))]
        .sort()
        .map((caller) => [caller, [...spans.values()].filter((byCaller) => byCaller.has(caller)).length]),
    ),
  };
}
