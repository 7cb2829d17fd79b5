/** ICAO 9303 check digit: weights 7,3,1; digits as values, A–Z as 10–35, '<' as 0. */
export function checkDigit(s: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += v * (weights[i % 3] as number);
  }
  return sum % 10;
}

/**
 * The BAC "MRZ information": document number (padded to 9 with '<') + check digit, birth date +
 * check digit, expiry date + check digit. On a VN card the document number is the last 9 digits
 * of the 12-digit ID.
 */
export function mrzInformation(documentNumber: string, dateOfBirth: string, dateOfExpiry: string): string {
  const doc = documentNumber.toUpperCase().padEnd(9, '<');
  return `${doc}${checkDigit(doc)}${dateOfBirth}${checkDigit(dateOfBirth)}${dateOfExpiry}${checkDigit(dateOfExpiry)}`;
}

/** The CAN printed nowhere on a VN card: it is the last 6 digits of the 12-digit ID. */
export function canFromId(idOrCan: string): string {
  return idOrCan.length === 6 ? idOrCan : idOrCan.slice(-6);
}
