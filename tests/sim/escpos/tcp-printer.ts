// The ESC/POS simulator ships with the app (training mode's ticket printer); tests use the very same code.
export * from '../../../src-main/training/escpos/tcp-printer.ts';
