import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScanSettings, scanSettingsXml, parseCaps, parseStatus } from '../../../src-main/devices/scanner/escl/xml.ts';
import { adfError } from '../../../src-main/devices/scanner/escl/escl-driver.ts';
import { esclUrl } from '../../../src-main/devices/scanner/escl/mdns.ts';
import { parseSaneOptions, saneSourceFor } from '../../../src-main/devices/scanner/sane-options.ts';
import { saneError } from '../../../src-main/devices/scanner/sane-driver.ts';
import { parseWiaLine, wiaError } from '../../../src-main/devices/scanner/wia-driver.ts';
import { extractPrefill, findMrzLines } from '../../../src-main/documents/prefill.ts';

describe('eSCL XML', () => {
  it('round-trips any scan settings through the XML we send', () => {
    fc.assert(fc.property(fc.constantFrom('platen' as const, 'adf' as const), fc.boolean(), fc.constantFrom(75, 150, 300, 600), fc.constantFrom('color' as const, 'gray' as const, 'bw' as const), (source, duplex, dpi, color) => {
      const back = parseScanSettings(scanSettingsXml({ source, duplex, dpi, color }, 'image/jpeg', true));
      expect(back).toMatchObject({ source, dpi, color, format: 'image/jpeg', duplex: source === 'adf' && duplex });
    }));
  });
  it('rejects what is not eSCL XML', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(() => parseCaps('escl:x', `<a>${s.replace(/[<&]/g, '')}</a>`)).toThrow();
    }));
    expect(parseStatus('<x/>').state).toBe('');
  });
  it('maps ADF states, in both spellings', () => {
    expect(adfError('ScannerAdfJam')?.code).toBe('SCAN_JAMMED');
    expect(adfError('ScannedAdfJam')?.code).toBe('SCAN_JAMMED');
    expect(adfError('ScannerAdfHatchOpen')?.code).toBe('SCAN_DOOR_OPEN');
    expect(adfError('ScannedAdfLoaded')).toBeUndefined();
  });
  it('builds the URL from the A record and the rs key', () => {
    expect(esclUrl({ name: 'x', type: 'uscan', port: 8080, addresses: ['fe80::1', '10.0.0.5'], txt: { rs: '/eSCL' } })).toBe('http://10.0.0.5:8080/eSCL');
    expect(esclUrl({ name: 'x', type: 'uscans', port: 443, addresses: ['10.0.0.6'], txt: {} })).toBe('https://10.0.0.6:443/eSCL');
    expect(esclUrl({ name: 'x', type: 'uscan', port: 80, addresses: [] })).toBeUndefined();
  });
});

describe('SANE and WIA output', () => {
  it('parses scanimage -A and picks backend source names', () => {
    const o = parseSaneOptions('    --mode Lineart|Gray|Color [Color]\n    --resolution 75|150|300|600dpi [300]\n    --source Flatbed|ADF|ADF Duplex [Flatbed]\n    -x 0..215.9mm [215.9]\n');
    expect(o.resolutions).toEqual([75, 150, 300, 600]);
    expect(saneSourceFor('adf', true, o.sources)).toBe('ADF Duplex');
    expect(saneSourceFor('adf', false, o.sources)).toBe('ADF');
    expect(saneSourceFor('platen', false, o.sources)).toBe('Flatbed');
    fc.assert(fc.property(fc.string(), (s) => void parseSaneOptions(s)));
  });
  it('maps scanimage exits', () => {
    expect(saneError(6, '')?.code).toBe('SCAN_JAMMED');
    expect(saneError(8, 'scanimage: sane_start: Scanner cover is open')?.code).toBe('SCAN_DOOR_OPEN');
    expect(saneError(0, 'Batch terminated, 3 pages scanned')).toBeUndefined();
  });
  it('reads the WIA helper lines and HRESULTs', () => {
    expect(parseWiaLine('{"type":"page","path":"C:\\\\p.png"}')).toEqual({ type: 'page', path: 'C:\\p.png' });
    expect(parseWiaLine('garbage')).toBeUndefined();
    expect(wiaError('0x80210002').code).toBe('SCAN_JAMMED');
    expect(wiaError('0x12345678').code).toBe('SCAN_DEVICE_ERROR');
    fc.assert(fc.property(fc.string(), (s) => void parseWiaLine(s)));
  });
});

describe('prefill from OCR text', () => {
  it('finds the ID number, names, dates and the MRZ lines', () => {
    const f = extractPrefill('Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hương\nSố định danh cá nhân: 001190012345\nNgày, tháng, năm sinh: 3/4/2025\nIDVNM0901234562001090123456<<<\n9002155M3002153VNM<<<<<<<<<<<1\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<');
    expect(f.idNumbers).toEqual(['001190012345']);
    expect(f.names).toEqual(['Nguyễn Thị Hương']);
    expect(f.dates).toEqual(['03/04/2025']);
    expect(f.mrzLines).toHaveLength(3);
  });
  it('tolerates OCR spaces in the MRZ and never throws', () => {
    expect(findMrzLines('IDVNM 0901234562001090123456<<<\n9002155M3002153VNM<<<<<<<<<<< 1\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<')).toHaveLength(3);
    fc.assert(fc.property(fc.string(), (s) => {
      const f = extractPrefill(s);
      for (const d of f.dates) expect(d).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      for (const id of f.idNumbers) expect(id).toMatch(/^(\d{9}|\d{12})$/);
    }));
  });
});
