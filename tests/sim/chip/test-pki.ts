// The simulated chip ships with the app (training mode's card reader); tests use the very same code.
export * from '../../../src-main/training/chip/test-pki.ts';
