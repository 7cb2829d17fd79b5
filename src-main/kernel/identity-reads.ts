import { createHash, randomBytes } from 'node:crypto';
import type { EventBus } from '../rpc/event-bus.ts';
import type { Identity, IdentitySource } from '../contract/identity.ts';
import type { Party } from '../contract/dossiers.ts';
import { strongerTrust, trustOf, type IdentityTrust } from '../domain/dossier/identity-trust.ts';
import { canonicalJson } from '../domain/canonical-json.ts';

/** A draft may wait this long between the read and the accept; older reads prove nothing. */
const READ_VALID_MS = 12 * 60 * 60 * 1000;
const MAX_READS = 5000;

interface Seen {
  source: IdentitySource;
  trust: IdentityTrust;
  at: number;
}

/** Warnings and kind say how it was read, not who it is; strings compare in NFC. */
function personData(identity: Identity): unknown {
  const { warnings: _w, kind: _k, ...data } = identity;
  return JSON.parse(JSON.stringify(data).normalize('NFC')) as unknown;
}

/**
 * The reads of identity documents this core made itself (chip reads with their passive
 * authentication, QR/MRZ reads from its readers, texts it parsed). A dossier's trust is derived
 * from these, never from what a client claims: an identity the core never read is "typed by hand",
 * whatever kind or trust the client sends. In memory only, so a restart downgrades pending drafts
 * to "typed" rather than trusting anything it cannot prove.
 */
export class IdentityReads {
  private readonly seen = new Map<string, Seen>();
  /** Per-run key: the fingerprints of read identities are not a lookup table of ID numbers. */
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {}

  private fingerprint(identity: Identity): string {
    return createHash('sha256').update(this.key).update(canonicalJson(personData(identity))).digest('hex');
  }

  note(identity: Identity, source: IdentitySource, passiveAuthenticationValid = false): void {
    const fp = this.fingerprint(identity);
    const trust = trustOf(source, passiveAuthenticationValid);
    const before = this.current(fp);
    // A later, weaker read of the same person (QR after chip) does not undo the chip's proof.
    const keep = before && strongerTrust(before.trust, trust) === before.trust ? before : { source, trust };
    this.seen.delete(fp);
    this.seen.set(fp, { ...keep, at: this.now() });
    if (this.seen.size > MAX_READS) this.seen.delete(this.seen.keys().next().value!);
  }

  private current(fp: string): Seen | undefined {
    const s = this.seen.get(fp);
    if (s && this.now() - s.at > READ_VALID_MS) {
      this.seen.delete(fp);
      return undefined;
    }
    return s;
  }

  /** The party as the core can vouch for it: source and trust from its own read, or "typed". */
  assess(party: Party): Party {
    const s = this.current(this.fingerprint(party.identity));
    if (!s) return { ...party, identity: { ...party.identity, kind: 'manual' }, trust: 'manual' };
    return { ...party, identity: { ...party.identity, kind: s.source }, trust: s.trust };
  }

  /** Records the reads announced on the bus (only the core emits these events). */
  listen(bus: EventBus): () => void {
    const offCard = bus.on('card.read', (r) => this.note(r.identity, 'chip', r.authenticity.result === 'valid'));
    const offQr = bus.on('identity.read', (r) => {
      if (r.identity.kind !== 'manual') this.note(r.identity, r.identity.kind);
    });
    return () => {
      offCard();
      offQr();
    };
  }

  /** A text the core parsed itself (pasted, or typed by a keyboard-wedge scanner) is a machine read. */
  noteParsed(identity: Identity): Identity {
    if (identity.kind !== 'manual') this.note(identity, identity.kind);
    return identity;
  }
}
