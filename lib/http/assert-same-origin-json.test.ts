import { describe, expect, it } from 'vitest';
import { assertSameOriginJson } from './assert-same-origin-json';
import { readJsonBody } from './read-json-body';

const url = 'http://127.0.0.1:3000/api/v1/admin/users';
const req = (init: RequestInit & { headers?: Record<string, string> }) => new Request(url, init);

describe('CSRF check for cookie-authenticated changes', () => {
  it('refuses the cross-port text/plain POST, a missing Origin, and a same-origin non-JSON body', () => {
    const attack = req({
      method: 'POST',
      headers: {
        origin: 'http://127.0.0.1:9999',
        'content-type': 'text/plain',
        'sec-fetch-site': 'same-site',
      },
      body: '{"email":"evil@example.com","name":"Evil","globalRoles":["ADMIN"]}',
    });
    expect(() => assertSameOriginJson(attack)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() =>
      assertSameOriginJson(req({ method: 'DELETE', headers: { 'content-type': 'application/json' } })),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() =>
      assertSameOriginJson(
        req({ method: 'POST', headers: { origin: 'http://127.0.0.1:3000', 'content-type': 'text/plain' } }),
      ),
    ).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 }));
  });

  it('lets same-origin JSON changes and every read through', () => {
    expect(() =>
      assertSameOriginJson(
        req({
          method: 'PATCH',
          headers: { origin: 'http://127.0.0.1:3000', 'content-type': 'application/json; charset=utf-8' },
        }),
      ),
    ).not.toThrow();
    expect(() =>
      assertSameOriginJson(req({ method: 'GET', headers: { origin: 'http://evil.example' } })),
    ).not.toThrow();
  });
});

describe('JSON body cap', () => {
  it('stops reading at the cap (413) whether or not Content-Length is declared', async () => {
    const big = 'x'.repeat(2048);
    await expect(
      readJsonBody(req({ method: 'POST', body: JSON.stringify({ big }) }), 1024),
    ).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
    });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(big));
        if (pulled > 10_000) controller.close();
      },
    });
    const streamed = new Request(url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    await expect(readJsonBody(streamed, 4096)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(pulled).toBeLessThan(10);
    await expect(readJsonBody(req({ method: 'POST', body: '{"a":1}' }), 1024)).resolves.toEqual({ a: 1 });
  });
});

describe('raw-body upload routes', () => {
  it('accept a binary upload from the portal itself, but never a cross-site form type or a foreign origin', () => {
    const upload = (type: string, origin = 'http://127.0.0.1:3000') =>
      req({ method: 'POST', headers: { origin, 'content-type': type }, body: 'x' });
    expect(() => assertSameOriginJson(upload('application/octet-stream'), { rawBody: true })).not.toThrow();
    expect(() => assertSameOriginJson(upload('text/plain'), { rawBody: true })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
    expect(() => assertSameOriginJson(upload('multipart/form-data; boundary=x'), { rawBody: true })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
    expect(() =>
      assertSameOriginJson(upload('application/octet-stream', 'http://evil.example'), { rawBody: true }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertSameOriginJson(upload('application/octet-stream'))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
  });
});
