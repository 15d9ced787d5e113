// The HTTP edge against what a red-team pass sent a running instance: request bodies far
// over the limit (refused with a 413 before they are read, over a real socket), foreign Host
// headers (DNS rebinding), and the security headers every response carries.
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { freshDb } from '../support/db.js';

const LIMIT = 64 * 1024;
let db: Database;
let app: Hono;
let server: ServerType;
let port: number;

beforeAll(async () => {
  db = await freshDb();
  app = await signedInApp(db, { http: { allowedHosts: ['si.example.gov.cn'], maxBodyBytes: LIMIT } });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  (server as Server).closeAllConnections();
  await new Promise((r) => server.close(r));
  db.close();
});

interface Sent {
  status: number;
  body: string;
  /** Body bytes written before the answer came. */
  written: number;
}

const SENT_AT_MOST = 8 * 1024 * 1024;

/** POSTs a CSV body of `declared` bytes (its length declared, or chunked when null) in 16 kB
 * pieces 2 ms apart, stopping once the answer is in or SENT_AT_MOST is sent (then ending a
 * chunked body, and waiting 5 s for an answer to a declared one: status 0 if none comes). */
function post(declared: number | null, sentAtMost = SENT_AT_MOST): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string | number> = { 'content-type': 'text/csv' };
    if (declared !== null) headers['content-length'] = declared;
    const req = request({ host: '127.0.0.1', port, path: '/api/manual-scores', method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, written });
      });
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const piece = Buffer.from('370102,2025,5.1.1,abc,王五,上级评价\n'.repeat(500)).subarray(0, 16 * 1024);
    const next = () => {
      if (answered) return;
      if (written >= Math.min(declared ?? sentAtMost, sentAtMost)) {
        if (declared === null || declared <= sentAtMost) req.end();
        else
          setTimeout(() => {
            if (!answered) resolve({ status: 0, body: '', written });
            req.destroy();
          }, 5000);
        return;
      }
      written += piece.length;
      req.write(piece);
      setTimeout(next, 2);
    };
    next();
  });
}

describe('request bodies over the limit', () => {
  it('answers a body declared as 100 MB with a 413 before reading it', async () => {
    const sent = await post(100 * 1024 * 1024);
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body)).toEqual({
      error: `request body larger than 64 kB (${LIMIT} bytes), the limit http.maxBodyBytes sets; nothing was read or stored`,
    });
    expect(sent.written).toBeLessThan(2 * 1024 * 1024);
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    const sent = await post(null);
    expect(sent.status).toBe(413);
    expect(sent.written).toBeGreaterThan(LIMIT);
    expect(sent.written).toBeLessThan(2 * 1024 * 1024);
    // The server is free meanwhile.
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('still reads a body within the limit', async () => {
    const sent = await post(32 * 1024);
    expect(sent.status).toBe(400);
    expect(JSON.parse(sent.body).error).toMatch(/^the sheet has \d+ error\(s\)/);
  });
});

describe('Host header', () => {
  /** The status of GET /api/health with this Host header, over a real socket. */
  const health = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/health', headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it('answers only to the names of this service', async () => {
    expect(await health(`localhost:${port}`)).toBe(200);
    expect(await health(`127.0.0.1:${port}`)).toBe(200);
    expect(await health(`[::1]:${port}`)).toBe(200);
    expect(await health('si.example.gov.cn')).toBe(200);
    expect(await health(`evil.example:${port}`)).toBe(403);
    expect(await health('si.example.gov.cn.evil.example')).toBe(403);
    expect(await health('127.0.0.1.nip.io')).toBe(403);
  });

  it('refuses a foreign host naming it, for the dashboard as for the API', async () => {
    const res = await app.request('/?view=score', { headers: { host: 'rebind.evil.example' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe(
      "host 'rebind.evil.example' is not a name of this service (localhost, 127.0.0.1, [::1], si.example.gov.cn); add it to http.allowedHosts in the configuration",
    );
  });
});

describe('security headers', () => {
  it('are on API answers and errors too', async () => {
    for (const path of ['/api/health', '/api/nothing', '/api/values']) {
      const res = await app.request(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), path).toMatch(/^default-src 'self'; script-src 'self'; .*frame-ancestors 'none'$/);
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});
