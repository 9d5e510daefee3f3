import { deadLetterInit } from '../testing/message.fixtures';
import { createDeadLetter, DeadLetter, parseDeadLetter } from './dead-letter.message';
import { GroupSyncCommand } from './group-sync-command.message';

describe(DeadLetter.name, () => {
  it('round-trips through JSON with the embedded command intact', () => {
    const deadLetter = createDeadLetter(deadLetterInit());
    expect(deadLetter.command).toBeInstanceOf(GroupSyncCommand);
    expect(deadLetter).toEqual({ ...deadLetterInit(), schemaVersion: 1 });
    expect(parseDeadLetter(JSON.parse(JSON.stringify(deadLetter)))).toEqual(deadLetter);
  });

  it('keeps a Kafka offset beyond 2^53 exact, as a string', () => {
    const deadLetter = parseDeadLetter(JSON.parse(JSON.stringify(createDeadLetter(deadLetterInit()))));
    expect(deadLetter.source?.offset).toBe('9007199254740993');
  });

  it('validates the embedded command and the source', () => {
    const init = deadLetterInit();
    const raw = {
      ...init,
      schemaVersion: 1,
      command: { ...init.command, attempt: 'x' },
      source: { topic: 't', partition: 0, offset: '-1' },
    };
    expect(() => parseDeadLetter(raw)).toThrow(
      'invalid DeadLetter: command.attempt: must be an integer; source.offset: must be a decimal string',
    );
  });
});
