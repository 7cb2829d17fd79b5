export { IdentityCard, vnPartialDate, type IdentityCardProps } from './IdentityCard.tsx';
export { useQrWedge, useQrWedgeSubmit } from './use-qr-wedge.ts';
export { IdentityReadersForm } from './IdentityReadersForm.tsx';
