import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { CardReadResult } from '../../src-main/contract/card.ts';
import type { CounterError } from '../../src-main/contract/errors.ts';
import type { Identity } from '../../src-main/contract/identity.ts';
import type { IdentityRead, ReadSource } from '../../src-main/contract/idread.ts';
import type { QueueSummary } from '../../src-main/contract/queue.ts';
import type { ScanSession } from '../../src-main/contract/scan.ts';
import type { BatchResult, SignOptions, VerifyReport } from '../../src-main/contract/signing.ts';
import type { ProcessingTime } from '../../src-main/domain/calendar/processing-time.ts';

export interface CardReadPanelProps {
  /** Prefills the CAN from an ID already known (e.g. the QR just scanned). */
  idNumber?: string;
  /** An identity read from the QR code, to compare names with the chip. */
  qrIdentity?: Identity;
  onRead?: (result: CardReadResult) => void;
}

export interface ScanComponent {
  id: string;
  name: string;
}

export interface ScanPanelProps {
  components?: ScanComponent[];
  sessionId?: string;
  onSession?: (s: ScanSession) => void;
}

export interface AppointmentPreviewProps {
  processingTime: ProcessingTime;
  /** ISO receipt time; the moment the component mounts when omitted. */
  receivedAt?: string;
}

export interface IdentityCardProps {
  identity: Identity;
  source?: ReadSource;
  /** ISO time of the read. */
  at?: string;
  title?: string;
}

/** What to sign: a dossier's components (through the store) or PDF files by path. */
export type BatchTarget = { dossierId: string } | { paths: string[] };

export interface BatchSignPanelProps {
  target: BatchTarget;
  options?: SignOptions;
  onDone?: (r: BatchResult) => void;
}

/**
 * The pieces one feature shows inside another feature's screen (the card read on the reception's
 * applicant step, the signature badge in the dossier view, …). The app fills them with the real
 * components, so renderer features never import each other.
 */
export interface Slots {
  CardReadPanel: ComponentType<CardReadPanelProps>;
  ScanPanel: ComponentType<ScanPanelProps>;
  AppointmentPreview: ComponentType<AppointmentPreviewProps>;
  CalendarSettings: ComponentType;
  IdentityCard: ComponentType<IdentityCardProps>;
  IdentityReadersForm: ComponentType;
  /** Raw keyboard-wedge capture (for codes that are not identities, e.g. a slip's dossier code). */
  useQrWedge: (onScan: (text: string) => void, options?: { enabled?: boolean }) => void;
  useQrWedgeSubmit: (options?: { enabled?: boolean; onRead?: (read: IdentityRead) => void }) => { error: CounterError | undefined; clear: () => void };
  QueueBanner: ComponentType<{ summary: QueueSummary | undefined }>;
  TrainingNetworkSwitch: ComponentType;
  BatchSignPanel: ComponentType<BatchSignPanelProps>;
  VerificationBadge: ComponentType<{ report: VerifyReport; showProblems?: boolean }>;
}

const SlotsContext = createContext<Slots | undefined>(undefined);

export function SlotsProvider({ slots, children }: { slots: Slots; children: ReactNode }) {
  return <SlotsContext.Provider value={slots}>{children}</SlotsContext.Provider>;
}

/** The slots the app filled; a screen rendered outside the app (a missing provider) fails at once. */
export function useSlots(): Slots {
  const slots = useContext(SlotsContext);
  if (!slots) throw new Error('useSlots outside <SlotsProvider>');
  return slots;
}
