import { sanitizedHeaders } from './request-headers';

describe(sanitizedHeaders.name, () => {
  it('drops the secret header and every credential header, keeps the rest', () => {
    const kept = sanitizedHeaders(
      {
        'x-webhook-token': 'secret',
        authorization: 'Basic abc',
        'proxy-authorization': 'Basic def',
        cookie: 'a=b',
        'content-type': 'application/json',
        'x-forwarded-for': ['1.1.1.1', '2.2.2.2'],
      },
      'X-Webhook-Token',
    );
    expect(kept).toEqual({ 'content-type': 'application/json', 'x-forwarded-for': '1.1.1.1, 2.2.2.2' });
  });
});
