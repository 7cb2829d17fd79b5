/** What the integrator places in the dossier view and the settings page. */
export { BatchSignPanel, type BatchTarget } from './BatchSignPanel.tsx';
export { PinDialog } from './PinDialog.tsx';
export { VerificationBadge } from './VerificationBadge.tsx';
export { signingMessages } from './messages.ts';
