import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One card the simulated BHXH service knows, with the answer fields HIS integrations read. */
export interface SimCard {
  maThe: string;
  maKetQua?: string;
  gtTheTu: string;
  gtTheDen: string;
  maDKBD: string;
  maKV?: string;
  ngayDu5Nam?: string;
  maSoBHXH?: string;
}

/**
 * The BHYT card-check service ("tra cứu thẻ") over real HTTP on 127.0.0.1. Unknown cards answer
 * maKetQua "010"; `down` makes it refuse connections (the offline path), `delayMs` slows it.
 */
export class BhytServiceSim {
  private server: Server | undefined;
  private readonly cards = new Map<string, SimCard>();
  readonly requests: Array<Record<string, unknown>> = [];
  delayMs = 0;
  status = 200;
  url = '';
  private port = 0;

  add(card: SimCard): this {
    this.cards.set(card.maThe, card);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        setTimeout(() => {
          let q: Record<string, unknown> = {};
          try {
            q = JSON.parse(body) as Record<string, unknown>;
          } catch {
            // fall through: unknown card
          }
          this.requests.push(q);
          const card = this.cards.get(String(q.maThe ?? ''));
          const answer = card
            ? { maKetQua: card.maKetQua ?? '000', ghiChu: 'Thẻ còn giá trị sử dụng', gtTheTu: card.gtTheTu, gtTheDen: card.gtTheDen, maDKBD: card.maDKBD, maKV: card.maKV ?? '', ngayDu5Nam: card.ngayDu5Nam ?? '', maSoBHXH: card.maSoBHXH ?? '' }
            : { maKetQua: '010', ghiChu: 'Thẻ không tồn tại' };
          res.writeHead(this.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}/api/egw/tra-cuu-the`;
    return this.url;
  }

  /** Network down: the port stops answering. `start()` again brings it back on the same port. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
