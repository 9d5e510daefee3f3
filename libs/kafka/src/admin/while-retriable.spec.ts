import { whileRetriable } from './while-retriable';

const retriable = Object.assign(new Error('This server is not the leader for that topic-partition'), {
  retriable: true,
});

describe(whileRetriable.name, () => {
  it('tries again while the error is retriable, then answers', async () => {
    let calls = 0;
    const answer = await whileRetriable(() => (++calls < 3 ? Promise.reject(retriable) : Promise.resolve(7)));
    expect(answer).toBe(7);
    expect(calls).toBe(3);
  });

  it('throws a non-retriable error at once', async () => {
    let calls = 0;
    await expect(whileRetriable(() => (calls++, Promise.reject(new Error('denied'))))).rejects.toThrow(
      'denied',
    );
    expect(calls).toBe(1);
  });

  it('gives up on a retriable error past its window', async () => {
    await expect(whileRetriable(() => Promise.reject(retriable), 0)).rejects.toThrow('not the leader');
  });
});
