import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveDesk } from './desk-assets.js';

@Module({})
class EmptyModule {}

describe('serveDesk', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'desk-assets-'));
  let app: NestFastifyApplication;

  beforeAll(async () => {
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>desk</title>');
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'assets', 'index-3f2a9c.js'), 'export {};');
    app = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter(), { logger: false });
    await serveDesk(app, { readApiUrl: 'http://read.example.org:3002', subscribersApiUrl: 'https://subscribers.example.org' }, root);
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (url: string) => fetch(new URL(url, await app.getUrl()), { redirect: 'manual' });

  it('redirects /desk to /desk/, where the page is', async () => {
    const redirect = await get('/desk');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/desk/');
    const page = await get('/desk/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>desk</title>');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' http://read.example.org:3002 https://subscribers.example.org;");
  });

  it('sends nosniff and no-referrer, caches hashed assets for good and the page never', async () => {
    const page = await get('/desk/');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await get('/desk/assets/index-3f2a9c.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("lets the page call only this host's read and subscribers APIs when no URL is configured", async () => {
    const open = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter(), { logger: false });
    await serveDesk(open, { readApiUrl: '', subscribersApiUrl: '' }, root);
    await open.listen(0, '127.0.0.1');
    const page = await fetch(new URL('/desk/', await open.getUrl()));
    await open.close();
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:3002 https://127.0.0.1:3002 http://127.0.0.1:3003 https://127.0.0.1:3003;");
    expect(policy).not.toMatch(/connect-src[^;]*\bhttps?:(\s|;)/);
  });

  it('tells the page where the read and subscribers APIs are, never cached', async () => {
    const config = await get('/desk/config.json');
    expect(await config.json()).toEqual({ readApiUrl: 'http://read.example.org:3002', subscribersApiUrl: 'https://subscribers.example.org' });
    expect(config.headers.get('cache-control')).toBe('no-store');
  });
});
