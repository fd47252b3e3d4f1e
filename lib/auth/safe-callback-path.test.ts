import { describe, expect, it } from 'vitest';
import { safeCallbackPath, signInPathFor } from './safe-callback-path';

describe('safeCallbackPath', () => {
  it('keeps same-origin paths with their query and hash', () => {
    expect(safeCallbackPath('/estate')).toBe('/estate');
    expect(safeCallbackPath('/audit?action=team.&before=2026-01-01T00:00:00.000Z#x')).toBe(
      '/audit?action=team.&before=2026-01-01T00:00:00.000Z#x',
    );
    expect(safeCallbackPath('/teams/../estate')).toBe('/estate');
  });

  it('refuses anything that could leave the portal', () => {
    for (const bad of [
      '//evil.example/estate',
      '/\\evil.example',
      'https://evil.example/estate',
      'javascript:alert(1)',
      'estate',
      '/\testate',
      '/%0d%0aSet-Cookie:x',
      '',
      42,
      null,
    ]) {
      const result = safeCallbackPath(bad);
      if (result !== null) expect(result.startsWith('/') && !result.startsWith('//')).toBe(true);
      else expect(result).toBeNull();
    }
    expect(safeCallbackPath('//evil.example/estate')).toBeNull();
    expect(safeCallbackPath('/\\evil.example')).toBeNull();
    expect(safeCallbackPath('https://evil.example/estate')).toBeNull();
    expect(safeCallbackPath('javascript:alert(1)', 'http://127.0.0.1:3000')).toBeNull();
  });

  it('accepts an absolute URL only on the portal origin', () => {
    expect(safeCallbackPath('http://127.0.0.1:3000/estate?a=1', 'http://127.0.0.1:3000')).toBe('/estate?a=1');
    expect(safeCallbackPath('http://127.0.0.1:3001/estate', 'http://127.0.0.1:3000')).toBeNull();
    expect(safeCallbackPath('http://127.0.0.1:3000/estate')).toBeNull();
  });

  it('never returns to sign-in itself', () => {
    expect(safeCallbackPath('/signin?callbackUrl=/estate')).toBeNull();
    expect(safeCallbackPath('/api/auth/signout')).toBeNull();
  });
});

describe('signInPathFor', () => {
  it('carries a safe path, and drops an unsafe or trivial one', () => {
    expect(signInPathFor('/estate?x=1')).toBe('/signin?callbackUrl=%2Festate%3Fx%3D1');
    expect(signInPathFor('/')).toBe('/signin');
    expect(signInPathFor('//evil.example')).toBe('/signin');
    expect(signInPathFor(undefined)).toBe('/signin');
  });
});
