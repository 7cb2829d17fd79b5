// The reference server ships with the app (training mode embeds it); tests use the very same code.
export * from '../../../src-main/training/reference-server/server.ts';
