import type { HandlersOf } from '../../rpc/handlers.ts';
import type { SigningService } from './signing-service.ts';

export function signingHandlers(
  s: SigningService,
): HandlersOf<'signing.tokens' | 'signing.signFile' | 'signing.signFiles' | 'signing.signDossier' | 'signing.verifyFile' | 'signing.verifyBytes'> {
  return {
    'signing.tokens': (i) => s.tokens(i.modulePath),
    'signing.signFile': (i) => s.signFile(i.path, i.outPath, i.key, i.options),
    'signing.signFiles': (i) => s.signFiles(i.paths, i.outDir, i.key, i.options, i.batchId),
    'signing.signDossier': (i) => s.signDossier(i.dossierId, i.key, i.options, i.batchId),
    'signing.verifyFile': (i) => s.verifyFile(i.path),
    'signing.verifyBytes': (i) => s.verifyBytes(new Uint8Array(Buffer.from(i.pdfBase64, 'base64'))),
  };
}
