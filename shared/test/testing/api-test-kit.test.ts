import { ApiSetupError, ApiTestKit, personalDraft, principal, website } from '../../src/testing';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A fetch that records every call and answers from `route` (status 200 and an empty body by default). */
function fakeFetch(route: (call: Sent) => { status?: number; json?: unknown } | undefined = () => undefined) {
  const calls: Sent[] = [];
  const fetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array }) => {
    const call = { url, ...init };
    calls.push(call);
    const answer = route(call) ?? {};
    return { status: answer.status ?? 200, text: async () => (answer.json === undefined ? '' : JSON.stringify(answer.json)) };
  };
  return { calls, fetch };
}

const jsonOf = (call: Sent | undefined): unknown => (typeof call?.body === 'string' ? JSON.parse(call.body) : undefined);

describe('ApiTestKit', () => {
  it('should send JSON with the session as a bearer token and answer the status with the parsed body', async () => {
    const { calls, fetch } = fakeFetch(() => ({ status: 201, json: { id: 'o1' } }));
    const kit = new ApiTestKit('http://127.0.0.1:1', 'tok', fetch);

    await expect(kit.call('POST', '/api/orders', { kind: 'first_filing' })).resolves.toEqual({ status: 201, body: { id: 'o1' } });
    expect(calls[0]).toMatchObject({
      url: 'http://127.0.0.1:1/api/orders',
      method: 'POST',
      headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
    });
    expect(jsonOf(calls[0])).toEqual({ kind: 'first_filing' });
  });

  it('should answer a null body and send no content type when there is no body', async () => {
    const { calls, fetch } = fakeFetch(() => ({ status: 204 }));

    await expect(new ApiTestKit('http://x', undefined, fetch).call('DELETE', '/api/a')).resolves.toEqual({ status: 204, body: null });
    expect(calls[0]?.headers).toEqual({});
  });

  it('should throw an ApiSetupError naming the step when a setup call is refused', async () => {
    const { fetch } = fakeFetch(() => ({ status: 409, json: { code: 'ORDER_IN_FLIGHT', message: '已有订单' } }));

    const refused = new ApiTestKit('http://x', 'tok', fetch).createOrder();

    await expect(refused).rejects.toBeInstanceOf(ApiSetupError);
    await expect(refused).rejects.toThrow('order creation answered 409: {"code":"ORDER_IN_FLIGHT","message":"已有订单"}');
  });

  it('should PUT the bytes to a path on the server and to a full URL as it is, then confirm', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    for (const uploadUrl of ['/api/uploads/u1/content', 'https://bucket.example.com/u1?sig=1']) {
      const { calls, fetch } = fakeFetch(({ url }) =>
        url.endsWith('/uploads')
          ? { status: 201, json: { uploadId: 'u1', uploadUrl, method: 'PUT', headers: { 'content-type': 'image/jpeg' } } }
          : { json: { fileId: 'u1' } },
      );

      const file = await new ApiTestKit('http://x', 'tok', fetch).upload(
        'o1',
        { kind: 'certificate_front', target: 'subject', contentType: 'image/jpeg' },
        bytes,
      );

      expect(file).toEqual({ fileId: 'u1' });
      expect(jsonOf(calls[0])).toMatchObject({ kind: 'certificate_front', size: 3 });
      expect(calls[1]).toMatchObject({ url: uploadUrl.startsWith('/') ? `http://x${uploadUrl}` : uploadUrl, method: 'PUT', body: bytes });
      expect(calls[2]?.url).toBe('http://x/api/uploads/u1/confirm');
    }
  });

  it('should hold the draft’s instances once, upload every material, save the draft with their file ids and prove each distinct mobile once when making an order submittable', async () => {
    let uploads = 0;
    const { calls, fetch } = fakeFetch(({ url, method }) => {
      if (url.endsWith('/uploads')) return { status: 201, json: { uploadId: `u${++uploads}`, uploadUrl: `/put/u${uploads}`, method: 'PUT', headers: {} } };
      if (url.endsWith('/confirm')) return { json: { fileId: url.split('/').at(-2) } };
      if (url.endsWith('/api/orders/o1') && method === 'GET') return { json: { id: 'o1', version: 4 } };
      if (url.includes('/sms-outbox')) return { json: [{ code: '654321' }, { code: '123456' }] };
      if (url.endsWith('/challenge')) return { json: { challengeId: 'c1' } };
      if (url.endsWith('/api/resources')) return { json: [{ instanceId: 'ins-other' }] };
      return { json: {} };
    });
    const draft = personalDraft({
      websites: [website({ principal: principal({ mobile: '13900000001' }) }), website({ principal: principal({ mobile: '13800138000' }) })],
    });

    const ready = await new ApiTestKit('http://x', 'tok', fetch).makeSubmittable('o1', draft, { photo: new Uint8Array([1]), video: new Uint8Array([2]) });

    const materials = draft.materials ?? [];
    expect(calls.filter((c) => c.url.includes('/api/sim/resources/')).map((c) => [c.method, c.url])).toEqual([['PUT', 'http://x/api/sim/resources/ins-1']]);
    expect(ready.materials?.map((m) => m.fileId)).toEqual(materials.map((_, i) => `u${i + 1}`));
    expect(jsonOf(calls.find((c) => c.method === 'PATCH'))).toEqual({ version: 4, draft: ready });
    const verified = calls.filter((c) => c.url.endsWith('/api/sms/verify')).map(jsonOf);
    expect(verified).toEqual([
      { mobile: '13800138000', code: '654321', orderId: 'o1', path: 'subjectPrincipal' },
      { mobile: '13900000001', code: '654321', orderId: 'o1', path: 'subjectPrincipal' },
    ]);
    expect(jsonOf(calls.at(-1))).toEqual({ challengeId: 'c1', videoFileId: `u${materials.length + 1}` });
  });
});
