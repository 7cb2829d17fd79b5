import type { HandlersOf } from '../../rpc/handlers.ts';
import type { ScanService } from './scan-service.ts';

export function scanHandlers(scan: ScanService): HandlersOf<'scan.caps' | 'scan.open' | 'scan.get' | 'scan.run' | 'scan.cancel' | 'scan.import' | 'scan.wait' | 'scan.pageImage' | 'scan.pageWords' | 'scan.editPage' | 'scan.buildPdf' | 'scan.close'> {
  return {
    'scan.caps': (i) => scan.caps(i.deviceId),
    'scan.open': () => scan.open(),
    'scan.get': (i) => scan.get(i.sessionId),
    'scan.run': (i) => {
      scan.run(i.sessionId, i.deviceId, i.settings, i.replacePageId, i.componentId);
      return { started: true };
    },
    'scan.cancel': (i) => scan.cancel(i.sessionId),
    'scan.import': (i) => scan.importFiles(i.sessionId, i.paths, i.files, i.componentId),
    'scan.wait': (i) => scan.wait(i.sessionId, i.timeoutMs),
    'scan.pageImage': (i) => scan.pageImage(i.sessionId, i.pageId, i.variant),
    'scan.pageWords': (i) => scan.pageWords(i.sessionId, i.pageId),
    'scan.editPage': (i) => scan.edit(i.sessionId, i.pageId, i.edit),
    'scan.buildPdf': (i) => scan.buildPdf(i.sessionId, i.componentId, i.outPath, i.dossierId),
    'scan.close': (i) => ({ closed: scan.closeSession(i.sessionId) }),
  };
}
