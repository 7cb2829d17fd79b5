/**
 * Vietnamese lunisolar calendar (âm lịch) computed from astronomy at UTC+7, independently of the
 * holiday library, so the library's Tết and Hùng Kings dates can be checked. New moons: Meeus,
 * "Astronomical Algorithms" ch. 49 (main periodic terms); the Sun's longitude: ch. 25 (low precision).
 * Month 11 is the month holding the winter solstice; a leap month is the first month without a
 * major solar term (trung khí) in a year of 13 months.
 */
import type { DayNumber } from './civil-day.ts';
import { dayNumber } from './civil-day.ts';

const TZ_DAYS = 7 / 24;
const SYNODIC = 29.530588853;
const JD_OF_DAY0 = 2440587.5; // 1970-01-01 00:00 UTC
const rad = Math.PI / 180;

/** Julian Ephemeris Day of new moon number k (k = 0 near 1900-01-01). */
function newMoonJd(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3 + 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * rad);
  const M = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * rad;
  const Mm = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * rad;
  const F = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * rad;
  const correction =
    (0.1734 - 0.000393 * T) * Math.sin(M) + 0.0021 * Math.sin(2 * M) - 0.4068 * Math.sin(Mm) + 0.0161 * Math.sin(2 * Mm) -
    0.0004 * Math.sin(3 * Mm) + 0.0104 * Math.sin(2 * F) - 0.0051 * Math.sin(M + Mm) - 0.0074 * Math.sin(M - Mm) +
    0.0004 * Math.sin(2 * F + M) - 0.0004 * Math.sin(2 * F - M) - 0.0006 * Math.sin(2 * F + Mm) + 0.001 * Math.sin(2 * F - Mm) +
    0.0005 * Math.sin(M + 2 * Mm);
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return mean + correction - deltaT;
}

/** The civil day (UTC+7) of new moon k. */
function newMoonDay(k: number): DayNumber {
  return Math.floor(newMoonJd(k) + 0.5 + TZ_DAYS) - 2440588;
}

/** Which 30° sector (0–11) of ecliptic longitude the Sun is in at local midnight starting day n. */
function sunSector(n: DayNumber): number {
  const T = (n + JD_OF_DAY0 - TZ_DAYS - 2451545.0) / 36525;
  const M = (357.5291 + 35999.0503 * T - 0.0001559 * T * T - 0.00000048 * T * T * T) * rad;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T * T;
  const C = (1.9146 - 0.004817 * T - 0.000014 * T * T) * Math.sin(M) + (0.019993 - 0.000101 * T) * Math.sin(2 * M) + 0.00029 * Math.sin(3 * M);
  const L = (((L0 + C) % 360) + 360) % 360;
  return Math.floor(L / 30);
}

const kNear = (n: DayNumber) => Math.round((n + 2440588 - 2415021.076998695) / SYNODIC);

/** First day of lunar month 11 of lunar year `year` (the month holding the December solstice). */
function month11Start(year: number): DayNumber {
  const k = Math.floor((dayNumber(year, 12, 31) + 2440588 - 2415021) / SYNODIC);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Months after month 11 at which the leap month sits (first month without a major term). */
function leapMonthOffset(a11: DayNumber): number {
  const k = kNear(a11);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The civil date of lunar day/month of a lunar year (ordinary, not leap, month). */
export function lunarToSolar(year: number, month: number, day: number): DayNumber {
  const [a11, b11] = month < 11 ? [month11Start(year - 1), month11Start(year)] : [month11Start(year), month11Start(year + 1)];
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11)) offset += 1;
  return newMoonDay(kNear(a11) + offset) + day - 1;
}
