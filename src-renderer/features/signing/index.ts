/** The signing pieces other screens show (through the app's slots). */
export { BatchSignPanel, type BatchTarget } from './BatchSignPanel.tsx';
export { PinDialog } from './PinDialog.tsx';
export { VerificationBadge } from './VerificationBadge.tsx';
export { signingMessages } from './messages.ts';
