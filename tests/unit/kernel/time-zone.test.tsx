// A PC left in another zone (common on fresh Windows images) must still show Vietnam time.
process.env.TZ = 'America/Los_Angeles';

import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DossierTable } from '../../../src-renderer/features/dossiers/DossierTable.tsx';
import { ClockWarning } from '../../../src-renderer/app/ClockWarning.tsx';
import { fileStamp } from '../../../src-renderer/features/settings/download.ts';
import { formatDate, formatDateTime, vnWallClock } from '../../../src-main/domain/vn-date.ts';
import { clockState } from '../../../src-main/domain/clock-check.ts';

// 09:40 on 05/03/2026 in Hà Nội; in Los Angeles it is still 04/03/2026 18:40.
const RECEIVED = new Date('2026-03-05T02:40:00.000Z');

describe('dates and times under TZ=America/Los_Angeles', () => {
  it('really runs in the Los Angeles zone', () => {
    expect(RECEIVED.getTimezoneOffset()).toBe(480);
    expect(RECEIVED.getDate()).toBe(4);
  });

  it('formats in Asia/Ho_Chi_Minh, dd/MM/yyyy with two-digit day and month', () => {
    expect(formatDate(RECEIVED)).toBe('05/03/2026');
    expect(formatDateTime(RECEIVED)).toBe('05/03/2026 09:40');
    expect(formatDateTime(new Date('2026-12-31T17:05:09Z'), { seconds: true })).toBe('01/01/2027 00:05:09');
    expect(vnWallClock(new Date('2026-12-31T16:59:59Z')).year).toBe(2026);
    expect(fileStamp(RECEIVED)).toBe('20260305-0940');
  });

  it('shows the renderer dossier table in Vietnam time', () => {
    const html = renderToStaticMarkup(
      <DossierTable
        rows={[{ id: 'd1', code: '000.00.31.H42-260305-0001', provisional: false, applicantName: 'Nguyễn Văn An', applicantIdNumber: null, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', status: 2, receivedAt: RECEIVED.toISOString(), dueAt: '2026-03-09T10:00:00.000Z' }]}
      />,
    );
    expect(html).toContain('05/03/2026 09:40');
    expect(html).toContain('<td>09/03/2026</td>');
    expect(html).not.toContain('04/03/2026');
  });

  it('warns in the status bar that the PC zone is not UTC+7', () => {
    const clock = clockState(RECEIVED);
    expect(clock).toMatchObject({ pcUtcOffsetMinutes: -480, zoneOk: false, ok: false, skewSeconds: null });
    const html = renderToStaticMarkup(<ClockWarning clock={clock} />);
    expect(html).toContain('Múi giờ máy tính là UTC−08:00');
    expect(html).toContain('UTC+07:00');
  });

  it('compares the PC clock with the server Date header', () => {
    const serverSaid = 'Thu, 05 Mar 2026 02:30:00 GMT';
    const tenMinutesFast = clockState(RECEIVED, { date: serverSaid, receivedAtMs: RECEIVED.getTime() });
    expect(tenMinutesFast.skewSeconds).toBe(600);
    const close = clockState(RECEIVED, { date: 'Thu, 05 Mar 2026 02:39:30 GMT', receivedAtMs: RECEIVED.getTime() });
    expect(close.skewSeconds).toBe(30);
    // The zone alone decides here; within two minutes the clock itself passes.
    expect(renderToStaticMarkup(<ClockWarning clock={{ ...close, zoneOk: true, ok: true }} />)).toBe('');
    expect(renderToStaticMarkup(<ClockWarning clock={{ ...tenMinutesFast, zoneOk: true }} />)).toContain('lệch so với máy chủ tỉnh 10 min');
  });
});
