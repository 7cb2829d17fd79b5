import type { Slots } from './slots.tsx';
import { CardReadPanel } from '../features/card/CardReadPanel.tsx';
import { ScanPanel } from '../features/scan/ScanPanel.tsx';
import { AppointmentPreview } from '../features/calendar/AppointmentPreview.tsx';
import { CalendarSettings } from '../features/calendar/CalendarSettings.tsx';
import { IdentityCard } from '../features/identity/IdentityCard.tsx';
import { IdentityReadersForm } from '../features/identity/IdentityReadersForm.tsx';
import { useQrWedge, useQrWedgeSubmit } from '../features/identity/use-qr-wedge.ts';
import { QueueBanner } from '../features/queue/QueuePage.tsx';
import { TrainingNetworkSwitch } from '../features/training/TrainingNetworkSwitch.tsx';
import { BatchSignPanel } from '../features/signing/BatchSignPanel.tsx';
import { VerificationBadge } from '../features/signing/VerificationBadge.tsx';

/** Which feature fills each slot: the one place that knows them all. */
export const featureSlots: Slots = {
  CardReadPanel,
  ScanPanel,
  AppointmentPreview,
  CalendarSettings,
  IdentityCard,
  IdentityReadersForm,
  useQrWedge,
  useQrWedgeSubmit,
  QueueBanner,
  TrainingNetworkSwitch,
  BatchSignPanel,
  VerificationBadge,
};
