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

/**
 * The cheap form for bulk text (OCR pages): the FTS5 tokenizer (unicode61, remove_diacritics 2)
 * already folds case and every Vietnamese tone and vowel mark; only đ/Đ is a letter of its own and
 * must be mapped here. About 20× faster than `foldText` on page-sized text.
 */
export function prepareForIndex(text: string): string {
  return text.replace(/[đĐ]/g, 'd');
}
