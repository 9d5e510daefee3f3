import {
  findCoordinatorRequest,
  frameRequest,
  leaveGroupRequest,
  offsetCommitRequest,
  parseFindCoordinator,
  parseLeaveGroup,
  parseOffsetCommit,
} from './group-protocol';
import { WireReader, WireWriter } from './wire-codec';

describe('group-protocol', () => {
  it('frames a request: size, api key, version, correlation id, client id, body', () => {
    const frame = frameRequest({ apiKey: 13, apiVersion: 3, body: Buffer.from([0xaa, 0xbb]) }, 7, 'ops');
    expect(frame.toString('hex')).toBe(
      '0000000f' + '000d' + '0003' + '00000007' + '0003' + Buffer.from('ops').toString('hex') + 'aabb',
    );
  });

  it('encodes FindCoordinator v2 for a consumer group', () => {
    const request = findCoordinatorRequest('g1');
    expect(request).toMatchObject({ apiKey: 10, apiVersion: 2 });
    expect(request.body.toString('hex')).toBe('0002' + Buffer.from('g1').toString('hex') + '00');
  });

  it('encodes LeaveGroup v3 with every member id and a null instance id', () => {
    const r = new WireReader(leaveGroupRequest('g', ['m-1', 'm-2']).body);
    expect([r.string(), r.array((m) => [m.string(), m.string()])]).toEqual([
      'g',
      [
        ['m-1', null],
        ['m-2', null],
      ],
    ]);
  });

  it('encodes OffsetCommit v5 from outside the group: generation -1, empty member id', () => {
    const request = offsetCommitRequest('g', 't', [{ partition: 1, offset: 120 }]);
    expect(request).toMatchObject({ apiKey: 8, apiVersion: 5 });
    const r = new WireReader(request.body);
    expect([r.string(), r.int32(), r.string()]).toEqual(['g', -1, '']);
    expect(
      r.array((t) => [t.string(), t.array((p) => [p.int32(), p.int32(), p.int32(), p.string()])]),
    ).toEqual([['t', [[1, 0, 120, null]]]]);
  });

  it('decodes FindCoordinator, LeaveGroup and OffsetCommit answers', () => {
    const coordinator = new WireWriter()
      .int32(0)
      .int16(0)
      .string(null)
      .int32(1)
      .string('127.0.0.1')
      .int32(9092);
    expect(parseFindCoordinator(coordinator.toBuffer())).toEqual({
      errorCode: 0,
      errorMessage: null,
      host: '127.0.0.1',
      port: 9092,
    });
    const leave = new WireWriter()
      .int32(0)
      .int16(0)
      .array(['a', 'b'], (w, id) =>
        w
          .string(id)
          .string(null)
          .int16(id === 'a' ? 0 : 25),
      );
    expect(parseLeaveGroup(leave.toBuffer())).toEqual({
      errorCode: 0,
      members: [
        { memberId: 'a', errorCode: 0 },
        { memberId: 'b', errorCode: 25 },
      ],
    });
    const commit = new WireWriter()
      .int32(0)
      .array(['t'], (w, name) => w.string(name).array([0, 1], (p, i) => p.int32(i).int16(i * 25)));
    expect(parseOffsetCommit(commit.toBuffer())).toEqual([
      { partition: 0, errorCode: 0 },
      { partition: 1, errorCode: 25 },
    ]);
  });

  it('refuses a truncated answer instead of reading garbage', () => {
    expect(() => parseFindCoordinator(Buffer.from([0, 0, 0, 0, 0]))).toThrow(RangeError);
  });
});
