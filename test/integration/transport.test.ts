// How the dashboard's files and the API's answers travel: a built asset is sent as the
// brotli or gzip copy written beside it when the browser accepts one, hashed assets are cached
// for a year and index.html revalidated, JSON is gzipped, the live-event stream never is.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { useSignedInApp } from '../support/auth.js';
import { dashboardFiles, IMMUTABLE } from '../../api/static.js';

const dist = mkdtempSync(join(tmpdir(), 'si-dist-'));
mkdirSync(join(dist, 'assets'));
const js = 'export const x = 1;\n'.repeat(200); // 4 000 bytes
writeFileSync(join(dist, 'index.html'), '<!doctype html><si-app></si-app>');
writeFileSync(join(dist, 'assets/page-abc123.js'), js);
writeFileSync(join(dist, 'assets/page-abc123.js.br'), brotliCompressSync(js));
writeFileSync(join(dist, 'assets/page-abc123.js.gz'), gzipSync(js));
const files = new Hono().use('/*', dashboardFiles(dist));

describe('dashboard files', () => {
  it('sends the brotli copy to a browser that accepts it, with its real type and a year of caching', async () => {
    const res = await files.request('/assets/page-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(brotliCompressSync(js));
  });

  it('falls back to gzip, and to the plain file for a client that accepts neither', async () => {
    const gz = await files.request('/assets/page-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(js);
    const plain = await files.request('/assets/page-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(js);
  });

  it('revalidates the page itself on every load, so a new build is seen at once', async () => {
    const res = await files.request('/');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<si-app>');
  });
});

describe('API answers', () => {
  const t = useSignedInApp();

  it('gzips JSON for a client that accepts it', async () => {
    const plain = await (await t.app.request('/api/regions')).text();
    const res = await t.app.request('/api/regions', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await res.arrayBuffer());
    expect(gunzipSync(body).toString()).toBe(plain);
    expect(body.length).toBeLessThan(Buffer.byteLength(plain) / 3);
    // The cached read's answer is compressed once: the same bytes again.
    const again = await t.app.request('/api/regions', { headers: { 'accept-encoding': 'gzip' } });
    expect(Buffer.from(await again.arrayBuffer()).equals(body)).toBe(true);
  });

  it('gzips a page once and sends the same bytes again; the plain JSON to a client refusing gzip', async () => {
    const url = '/api/pages/scores?scheme=standard&region=370000&period_type=month';
    const plain = await t.app.request(url, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
    const text = await plain.text();
    expect(Object.keys(JSON.parse(text))).toEqual(['totals', 'period', 'items', 'indicators', 'lost', 'frozen']);
    const [first, again] = await Promise.all(
      [0, 1].map(async () => Buffer.from(await (await t.app.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } })).arrayBuffer())),
    );
    expect(gunzipSync(first).toString()).toBe(text);
    expect(again.equals(first)).toBe(true);
  });

  it('never compresses the live-event stream (it would hold events back)', async () => {
    const ctrl = new AbortController();
    const res = await t.app.request('/api/events', { headers: { 'accept-encoding': 'gzip' }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    ctrl.abort();
  });
});
