import { WireReader, WireWriter } from './wire-codec';

/**
 * The three group-coordinator requests kafkajs's admin does not offer: it cannot remove members from a
 * group, and its setOffsets joins the group as a member. Versions are the non-flexible ones kafkajs 2.2.4
 * itself speaks, so every broker kafkajs works with answers them (apache/kafka clients/.../message/*.json).
 */
export const ApiKey = { offsetCommit: 8, findCoordinator: 10, leaveGroup: 13 } as const;

export interface WireRequest {
  apiKey: number;
  apiVersion: number;
  body: Buffer;
}

/** Request header v1 + body, size-prefixed as the broker expects. */
export function frameRequest(request: WireRequest, correlationId: number, clientId: string): Buffer {
  const payload = new WireWriter()
    .int16(request.apiKey)
    .int16(request.apiVersion)
    .int32(correlationId)
    .string(clientId)
    .toBuffer();
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length + request.body.length);
  return Buffer.concat([size, payload, request.body]);
}

export function findCoordinatorRequest(groupId: string): WireRequest {
  const body = new WireWriter().string(groupId).int8(0).toBuffer();
  return { apiKey: ApiKey.findCoordinator, apiVersion: 2, body };
}

export interface CoordinatorAnswer {
  errorCode: number;
  errorMessage: string | null;
  host: string;
  port: number;
}

export function parseFindCoordinator(body: Buffer): CoordinatorAnswer {
  const r = new WireReader(body);
  r.int32(); // throttle_time_ms
  const errorCode = r.int16();
  const errorMessage = r.string();
  r.int32(); // node_id
  return { errorCode, errorMessage, host: r.string() ?? '', port: r.int32() };
}

export function leaveGroupRequest(groupId: string, memberIds: readonly string[]): WireRequest {
  const body = new WireWriter()
    .string(groupId)
    .array(memberIds, (w, id) => w.string(id).string(null))
    .toBuffer();
  return { apiKey: ApiKey.leaveGroup, apiVersion: 3, body };
}

export interface LeaveGroupAnswer {
  errorCode: number;
  members: { memberId: string; errorCode: number }[];
}

export function parseLeaveGroup(body: Buffer): LeaveGroupAnswer {
  const r = new WireReader(body);
  r.int32(); // throttle_time_ms
  const errorCode = r.int16();
  const members = r.array((m) => {
    const memberId = m.string() ?? '';
    m.string(); // group_instance_id
    return { memberId, errorCode: m.int16() };
  });
  return { errorCode, members };
}

/**
 * An offset commit from outside the group: generation -1 and no member id. The broker accepts it only
 * while the group has no members (GroupCoordinator: "the group is only using Kafka to store offsets"),
 * which is exactly the safety check replay needs, made atomically by the broker.
 */
export function offsetCommitRequest(
  groupId: string,
  topic: string,
  offsets: readonly { partition: number; offset: number }[],
): WireRequest {
  const body = new WireWriter()
    .string(groupId)
    .int32(-1)
    .string('')
    .array([topic], (w, name) =>
      w.string(name).array(offsets, (p, o) => p.int32(o.partition).int64(BigInt(o.offset)).string(null)),
    )
    .toBuffer();
  return { apiKey: ApiKey.offsetCommit, apiVersion: 5, body };
}

export function parseOffsetCommit(body: Buffer): { partition: number; errorCode: number }[] {
  const r = new WireReader(body);
  r.int32(); // throttle_time_ms
  return r
    .array((t) => {
      t.string(); // topic
      return t.array((p) => ({ partition: p.int32(), errorCode: p.int16() }));
    })
    .flat();
}
