import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core.ts';
import { fileLogger } from '../../../src-main/platform/logger.ts';

const CCCD = '001090012345|012345678|Nguyễn Văn An|01011990|Nam|Thôn 1, Xã Ví Dụ, Tỉnh Mẫu|01012025';

describe('audit of identity reads', () => {
  it('records each QR read as a read of personal data, with a pseudonym and never the card contents', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-idaudit-'));
    const core = createCore({ dataDir, host: 'cli', version: '1', probes: [], log: fileLogger(dataDir) });
    const read = await core.call('identity.submit', { text: CCCD });
    expect(read.ok).toBe(true);
    await core.call('identity.parse', { text: 'not a card' });
    const list = await core.call('audit.list', { action: 'read', limit: 10, offset: 0 });
    expect(list.ok).toBe(true);
    const entries = (list.ok ? list.value : []) as Array<{ subject: string; reason: string; details?: unknown }>;
    const entry = entries.find((e) => /^person:[0-9a-f]{32}$/.test(e.subject));
    expect(entry?.reason).toMatch(/Đọc mã QR/);
    expect(JSON.stringify(entries)).not.toMatch(/001090012345|Nguyễn/);
    await core.close();
    // Nor do the logs hold the person's data.
    const logs = readdirSync(join(dataDir, 'logs')).map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8')).join('');
    expect(logs).not.toMatch(/001090012345|Nguyễn Văn An/);
  });
});
