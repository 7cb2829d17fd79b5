/**
 * How long a procedure may take, as the procedure catalogue states it: in working days or in
 * working hours (decisions often give e.g. "03 ngày làm việc" or "08 giờ làm việc").
 */
export interface ProcessingTime {
  value: number;
  unit: 'working-days' | 'working-hours';
}
