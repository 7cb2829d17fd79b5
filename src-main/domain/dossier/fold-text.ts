/**
 * Folds Vietnamese text for matching: lower case, no tone or vowel marks, đ → d, anything that is not
 * a letter or digit becomes a space. `Nguyễn Văn Đạt` and `nguyen van dat` fold to the same words.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a folded text (for building search queries). */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}
