import { mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReceptionDraft } from '../../contract/reception.ts';
import type { KeyProvider } from '../../store/blobs/key-provider.ts';
import { readEncryptedFile, writeEncryptedFile } from '../../store/encrypted-file.ts';
import { DraftErrors } from '../../contract/reception.ts';

/** One encrypted, atomically written file per reception in progress. */
export class DraftStore {
  private readonly dir: string;

  constructor(dataDir: string, private readonly keys: KeyProvider) {
    this.dir = join(dataDir, 'drafts');
    mkdirSync(this.dir, { recursive: true });
  }

  private path(id: string): string {
    return join(this.dir, `${ReceptionDraft.shape.id.parse(id)}.draft`);
  }

  save(draft: ReceptionDraft): { id: string; updatedAt: string } {
    const updatedAt = new Date().toISOString();
    writeEncryptedFile(this.path(draft.id), this.keys, JSON.stringify({ ...draft, updatedAt }));
    return { id: draft.id, updatedAt };
  }

  get(id: string): ReceptionDraft {
    let plain: Buffer | undefined;
    try {
      plain = readEncryptedFile(this.path(id), this.keys);
    } catch (err) {
      throw DraftErrors.raise('DRAFT_UNREADABLE', { id, reason: String(err) });
    }
    if (!plain) throw DraftErrors.raise('DRAFT_NOT_FOUND', { id });
    return ReceptionDraft.parse(JSON.parse(plain.toString('utf8')));
  }

  list(): ReceptionDraft[] {
    const out: ReceptionDraft[] = [];
    for (const f of readdirSync(this.dir).filter((n) => n.endsWith('.draft'))) {
      try {
        out.push(this.get(f.slice(0, -'.draft'.length)));
      } catch {
        /* a damaged draft is reported when opened, not in the list */
      }
    }
    return out.filter((d) => d.step !== 'done').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  discard(id: string): boolean {
    const p = this.path(id);
    if (!existsSync(p)) return false;
    rmSync(p);
    return true;
  }
}
