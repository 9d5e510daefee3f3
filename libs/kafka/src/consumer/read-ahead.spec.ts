import { type KafkaMessage } from 'kafkajs';
import { ReadAhead } from './read-ahead';

const message = (offset: number): KafkaMessage => ({
  key: null,
  value: null,
  timestamp: '0',
  attributes: 0,
  offset: String(offset),
  headers: {},
});

describe(ReadAhead.name, () => {
  it('hands messages out in fetch order and reports the batch end once drained', () => {
    const sut = new ReadAhead();
    sut.add([message(1), message(2)], '3');
    expect(sut.size).toBe(2);
    expect(sut.drainedThrough).toBeUndefined();
    expect(sut.peek()?.offset).toBe('1');
    sut.drop();
    sut.add([message(4)], '4');
    expect([sut.peek()?.offset, sut.size]).toEqual(['2', 2]);
    sut.drop();
    sut.drop();
    expect(sut.peek()).toBeUndefined();
    expect(sut.drainedThrough).toBe(4n);
  });

  it('moves what is left into a replacement', () => {
    const old = new ReadAhead();
    old.add([message(1), message(2)], '5');
    old.drop();
    const fresh = new ReadAhead();
    fresh.takeFrom(old);
    expect(old.size).toBe(0);
    expect(fresh.peek()?.offset).toBe('2');
    fresh.drop();
    expect(fresh.drainedThrough).toBe(5n);
  });
});
