/** ICAO 9303 Part 3 check digit: weights 7,3,1; digits as themselves, A–Z as 10–35, '<' as 0. */
export function mrzCheckDigit(s: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55;
    else if (c === 60) v = 0;
    else throw new RangeError(`not an MRZ character at ${i}`);
    sum += v * (weights[i % 3] as number);
  }
  return sum % 10;
}

/** Letters an OCR engine reads in place of digits; used only where the field must be numeric. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', I: '1', S: '5', B: '8' };

export function asDigits(s: string): string {
  return s.replace(/[OISB]/g, (c) => DIGIT_LOOKALIKES[c] as string);
}
