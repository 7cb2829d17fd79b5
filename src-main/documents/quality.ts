import type { QualityFlag } from '../contract/scan.ts';
import type { PageAnalysis } from './imaging.ts';

/** Thresholds of the quality gate; calibrated on fixtures/scans (see tests/unit/documents). */
export const QUALITY_LIMITS = {
  blankCoverage: 0.15, // % ink inside the margins (NAPS2 uses 15 ‰ coverage at a 70 % white level)
  skewDeg: 3,
  darkMeanLuma: 110,
  lightInkLuma: 150,
  cutEdgeInk: 6,
  lowConfidence: 60,
};

const flag = (code: QualityFlag['code'], measure: number, vi: string, en: string): QualityFlag => ({ code, measure: Math.round(measure * 100) / 100, vi, en });

const RESCAN_VI = ' Hãy quét lại trang này.';
const RESCAN_EN = ' Scan this page again.';

/** What the officer must look at before the citizen leaves; every flag offers "scan this page again". */
export function qualityFlags(a: PageAnalysis, ocrConfidence?: number): QualityFlag[] {
  const L = QUALITY_LIMITS;
  const out: QualityFlag[] = [];
  if (a.inkCoverage < L.blankCoverage) {
    out.push(flag('blank', a.inkCoverage, 'Trang trắng (không có nội dung). Bỏ trang này hoặc quét lại nếu bị sót mặt giấy.' , 'Blank page. Remove it, or rescan if a side was missed.'));
    return out; // the other checks mean nothing on an empty page
  }
  if (a.meanLuma < L.darkMeanLuma) out.push(flag('too_dark', a.meanLuma, 'Ảnh quá tối, chữ khó đọc.' + RESCAN_VI, 'Image too dark to read.' + RESCAN_EN));
  else if (a.inkLuma > L.lightInkLuma) out.push(flag('too_light', a.inkLuma, 'Ảnh quá nhạt, chữ mờ.' + RESCAN_VI, 'Image too light; text is faint.' + RESCAN_EN));
  if (Math.abs(a.skewDeg) > L.skewDeg) out.push(flag('skewed', a.skewDeg, `Trang bị lệch ${Math.abs(a.skewDeg).toFixed(1)}° (đã tự nắn thẳng). Kiểm tra lại; nếu chưa đạt,` + RESCAN_VI.toLowerCase(), `Page skewed by ${Math.abs(a.skewDeg).toFixed(1)}° (straightened automatically). Check it; if not good,` + RESCAN_EN.toLowerCase()));
  if (a.edgeInk > L.cutEdgeInk) out.push(flag('cut_edge', a.edgeInk, 'Nội dung bị cắt ở mép giấy. Đặt lại giấy cho ngay ngắn.' + RESCAN_VI, 'Content cut at an edge. Reposition the sheet.' + RESCAN_EN));
  if (ocrConfidence !== undefined && ocrConfidence < L.lowConfidence)
    out.push(flag('low_ocr_confidence', ocrConfidence, `Nhận dạng chữ kém (độ tin cậy ${Math.round(ocrConfidence)}%).` + RESCAN_VI, `Poor text recognition (confidence ${Math.round(ocrConfidence)}%).` + RESCAN_EN));
  return out;
}
