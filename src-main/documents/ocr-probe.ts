import type { Device } from '../contract/devices.ts';
import type { DeviceProbe } from '../devices/probe.ts';
import type { AutoOcrEngine } from './ocr-select.ts';

/** Settings → Devices lists the OCR engine the app chose, with the pages/min it measured here. */
export function ocrProbe(engine: AutoOcrEngine): DeviceProbe {
  return {
    kind: 'ocr',
    driver: 'ocr',
    probe: async (): Promise<Device[]> => {
      await engine.resolve();
      const s = engine.status();
      return [
        {
          id: `ocr:${s.kind}`,
          kind: 'ocr',
          driver: s.kind,
          name: s.name,
          status: 'ready',
          address: s.location,
          simulated: false,
          detail: `${s.workers} worker(s), ${s.pagesDone} page(s)`,
          pagesPerMin: s.pagesPerMin,
        },
      ];
    },
  };
}
