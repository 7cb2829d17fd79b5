import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { methods } from '../../../src-main/contract/methods.ts';
import { closeAll, createCore } from '../../../src-main/core.ts';
import { features, featureMigrations } from '../../../src-main/feature-list.ts';
import type { Feature, FeatureParts } from '../../../src-main/kernel/feature.ts';
import { MethodTable } from '../../../src-main/kernel/method-table.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'osc-features-'));
const prefixOf = (method: string) => method.slice(0, method.indexOf('.'));

describe('the feature list', () => {
  it('gives every contract method exactly one handler, from the feature owning its prefix', async () => {
    const core = createCore({ dataDir: tempDir(), host: 'cli', version: '1', probes: [] });
    try {
      expect(Object.keys(core.handlers).sort()).toEqual(Object.keys(methods).sort());
      for (const method of Object.keys(methods)) {
        const owners = features.filter((f) => f.prefixes.includes(prefixOf(method)));
        expect(owners.map((f) => f.name), method).toHaveLength(1);
      }
    } finally {
      await core.close();
    }
  });

  it('lets no two features own the same prefix or the same migration id', () => {
    const prefixes = features.flatMap((f) => f.prefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const ids = featureMigrations().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id >= 20)).toBe(true);
  });

  it('fails loudly when two features answer one method', () => {
    const table = new MethodTable();
    table.add('a', ['app'], { 'app.info': () => ({}) as never });
    expect(() => table.add('b', ['app'], { 'app.info': () => ({}) as never })).toThrow(/app\.info has two handlers: features a and b/);
    const twice: Feature = { name: 'twice', prefixes: ['app'], create: () => ({ handlers: { 'app.info': () => ({}) as never } }) };
    expect(() => createCore({ dataDir: tempDir(), host: 'cli', version: '1', probes: [] }, [...features, twice])).toThrow(/two handlers/);
  });

  it('refuses a handler outside the feature prefixes, and a contract method nobody answers', () => {
    expect(() => new MethodTable().add('scan', ['scan'], { 'app.info': () => ({}) as never })).toThrow(/outside its prefixes/);
    expect(() => createCore({ dataDir: tempDir(), host: 'cli', version: '1', probes: [] }, features.filter((f) => f.name !== 'calendar'))).toThrow(/no feature answers calendar\.appointment/);
  });
});

describe('closing', () => {
  it('closes in reverse order, each in its own try, the kernel last, even when one closer throws', async () => {
    const closed: string[] = [];
    const logged: string[] = [];
    const part = (name: string, fail = false): { name: string; parts: FeatureParts } => ({
      name,
      parts: {
        handlers: {},
        close: async () => {
          closed.push(name);
          if (fail) throw new Error(`${name} broke`);
        },
      },
    });
    await closeAll([part('a'), part('b', true), part('c')], () => void closed.push('kernel'), (_level, message) => void logged.push(message));
    expect(closed).toEqual(['c', 'b', 'a', 'kernel']);
    expect(logged).toEqual(['feature b: close failed']);
  });

  it('a core whose feature throws on close still closes the store', async () => {
    const dataDir = tempDir();
    const broken: Feature = { name: 'broken', prefixes: ['broken'], create: () => ({ handlers: {}, close: () => { throw new Error('no'); } }) };
    const core = createCore({ dataDir, host: 'cli', version: '1', probes: [] }, [broken, ...features]);
    // The store's open marker is there while it is open and goes only when the store is closed.
    const marker = join(dataDir, 'counter.sqlite.open');
    expect(existsSync(marker)).toBe(true);
    await core.close();
    expect(existsSync(marker)).toBe(false);
  });
});
