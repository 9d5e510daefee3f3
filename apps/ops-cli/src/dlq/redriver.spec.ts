import { deadLetterFor } from '@tiersync/tier-events/testing';
import { type DeadLetterEntry } from './dead-letter.catalog';
import { redriveCommandId } from './redrive-command.factory';
import { parseRedriveRecord } from './redrive.record';
import { planRedrive } from './redriver';

const location = { topic: 'p.dlq.v1', partition: 0, offset: '1' };

describe(planRedrive.name, () => {
  it('redrives only what the ledger does not have, under the derived command id', () => {
    const fresh = deadLetterFor({ groupId: 1 });
    const done = deadLetterFor({ groupId: 2 });
    const record = parseRedriveRecord({
      deadLetterId: done.deadLetterId,
      commandId: redriveCommandId(done.deadLetterId),
      groupId: 2,
      redrivenAt: 5,
      commandTopic: 'p.group-commands.v1',
      partition: 0,
      offset: '9',
    });
    const entries: DeadLetterEntry[] = [
      { deadLetter: fresh, location, redrive: null },
      { deadLetter: done, location, redrive: record },
    ];
    expect(planRedrive(entries)).toEqual({
      toRedrive: [
        { deadLetterId: fresh.deadLetterId, commandId: redriveCommandId(fresh.deadLetterId), groupId: 1 },
      ],
      alreadyRedriven: [record],
    });
  });

  it('rejects a malformed ledger record instead of trusting it', () => {
    expect(() => parseRedriveRecord({ deadLetterId: 'x', groupId: 0 })).toThrow(/deadLetterId/);
  });
});
