import type Database from 'better-sqlite3';
import { err, type Reply } from './reply.ts';

/**
 * `POST /counters/register` of the reference server: which installation presents which counter
 * identity (counter ID and code tag) for an agency. The province is the one place that sees every
 * PC, so it is where two PCs with the same identity are caught: the newcomer is refused (409) while
 * the holder was seen within `HOLD_DAYS`. A holder gone longer (a replaced PC) gives the identity up.
 *
 * Each installation also gets its own block of the agency's daily official numbers (1000 numbers,
 * nine blocks), which is what lets delegated numbering run on several PCs with separate databases.
 */
export const HOLD_DAYS = 30;
export const BLOCK_SIZE = 1000;
const BLOCKS = 9;

interface RegisterBody {
  MaDonVi: string;
  MaQuay: string;
  MaCaiDat: string;
  MaPhanBiet: string;
}

interface Row {
  agency: string;
  installation_id: string;
  counter_id: string;
  tag: string;
  block: number;
  seen_at: string;
}

export class CounterRegistry {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS counter_registrations (
      agency TEXT NOT NULL,
      installation_id TEXT NOT NULL,
      counter_id TEXT NOT NULL,
      tag TEXT NOT NULL,
      block INTEGER NOT NULL,
      client_id TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      PRIMARY KEY (agency, installation_id)
    )`);
  }

  /** The route, or undefined when the path is not this file's. */
  route(clientId: string, method: string, path: string, body: Buffer): Reply | undefined {
    if (method === 'POST' && path === '/counters/register') return this.register(clientId, body);
    if (method === 'GET' && path === '/counters') return { status: 200, body: { items: this.db.prepare('SELECT * FROM counter_registrations ORDER BY agency, counter_id').all() } };
    return undefined;
  }

  private register(clientId: string, raw: Buffer): Reply {
    let b: RegisterBody;
    try {
      b = JSON.parse(raw.toString('utf8')) as RegisterBody;
    } catch {
      return err(400, 'BAD_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.');
    }
    if (![b?.MaDonVi, b?.MaQuay, b?.MaCaiDat, b?.MaPhanBiet].every((v) => typeof v === 'string' && v.length > 0 && v.length <= 64)) {
      return err(400, 'BAD_REQUEST', 'Thiếu mã đơn vị, mã quầy, mã cài đặt hoặc mã phân biệt.');
    }
    const now = this.now();
    const fresh = new Date(now.getTime() - HOLD_DAYS * 86_400_000).toISOString();
    return this.db
      .transaction((): Reply => {
        const others = this.db.prepare('SELECT * FROM counter_registrations WHERE agency = ? AND installation_id <> ? AND seen_at >= ?').all(b.MaDonVi, b.MaCaiDat, fresh) as Row[];
        const sameCounter = others.find((o) => o.counter_id === b.MaQuay);
        if (sameCounter) {
          return err(409, 'COUNTER_ID_TAKEN', `Mã quầy ${b.MaQuay} của đơn vị đang được một máy khác sử dụng.`, { MaQuay: b.MaQuay, MaCaiDatKhac: sameCounter.installation_id, LanCuoi: sameCounter.seen_at });
        }
        const sameTag = others.find((o) => o.tag === b.MaPhanBiet);
        if (sameTag) return err(409, 'COUNTER_TAG_TAKEN', 'Mã phân biệt của máy trùng với một máy khác của đơn vị.', { MaPhanBiet: b.MaPhanBiet, MaCaiDatKhac: sameTag.installation_id });
        const mine = this.db.prepare('SELECT * FROM counter_registrations WHERE agency = ? AND installation_id = ?').get(b.MaDonVi, b.MaCaiDat) as Row | undefined;
        // A PC back after a long absence keeps its block unless another PC was given it meanwhile.
        const block = mine && mine.block > 0 && !others.some((o) => o.block === mine.block) ? mine.block : this.freeBlock(b.MaDonVi, b.MaCaiDat, fresh);
        this.db
          .prepare('INSERT OR REPLACE INTO counter_registrations (agency, installation_id, counter_id, tag, block, client_id, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(b.MaDonVi, b.MaCaiDat, b.MaQuay, b.MaPhanBiet, block, clientId, now.toISOString());
        const KhoiSo = block > 0 ? { TuSo: (block - 1) * BLOCK_SIZE + 1, DenSo: block * BLOCK_SIZE } : null;
        return { status: 200, body: { TrangThai: 'ok', KhoiSo } };
      })
      .immediate();
  }

  /** The lowest block no recently seen installation holds; 0 when all are taken. */
  private freeBlock(agency: string, installation: string, fresh: string): number {
    const held = new Set(this.db.prepare('SELECT block FROM counter_registrations WHERE agency = ? AND installation_id <> ? AND seen_at >= ?').pluck().all(agency, installation, fresh) as number[]);
    for (let b = 1; b <= BLOCKS; b++) if (!held.has(b)) return b;
    return 0;
  }
}
