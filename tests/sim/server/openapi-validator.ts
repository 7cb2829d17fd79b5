export * from '../../../src-main/training/reference-server/openapi-validator.ts';
