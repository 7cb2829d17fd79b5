// A PC left in another zone must still remind IT about Vietnam's coming year.
process.env.TZ = 'America/Los_Angeles';

import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { comingPlanYear, PlanReminder } from '../../../src-renderer/features/calendar/NextYearPlanReminder.tsx';

describe('Settings reminder for a coming year without an announced plan', () => {
  it('takes the coming year from Vietnam time: 00:05 on 01/01/2027 in Hà Nội is still 2026 in Los Angeles', () => {
    const newYearInHanoi = new Date('2026-12-31T17:05:00Z');
    expect(newYearInHanoi.getFullYear()).toBe(2026);
    expect(comingPlanYear(newYearInHanoi)).toBe(2028);
    expect(comingPlanYear(new Date('2026-12-31T16:55:00Z'))).toBe(2027);
  });

  it('names the year and what IT must do while no plan is announced', () => {
    const html = renderToStaticMarkup(<PlanReminder year={2027} announced={false} />);
    expect(html).toContain('data-testid="next-year-plan-reminder"');
    expect(html).toContain('năm 2027 chưa có lịch nghỉ lễ, Tết đã công bố');
    expect(html).toContain('tệp cấu hình có chữ ký');
  });

  it('says nothing once the plan is announced, or before the answer arrives', () => {
    expect(renderToStaticMarkup(<PlanReminder year={2027} announced={true} />)).toBe('');
    expect(renderToStaticMarkup(<PlanReminder year={2027} announced={undefined} />)).toBe('');
  });
});
