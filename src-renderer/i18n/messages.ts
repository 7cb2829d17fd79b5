import type { LocalizedText } from '../../src-main/contract/errors.ts';
import { useI18n } from './i18n.tsx';

/**
 * Each feature declares its own texts next to its components, Vietnamese first, so no single
 * catalogue file has to be edited by every feature.
 */
export function defineMessages<const T extends Record<string, LocalizedText>>(table: T): T {
  return table;
}

/** `const t = useMessages(msgs); t('key')` picks the text in the current language. */
export function useMessages<T extends Record<string, LocalizedText>>(table: T): (key: keyof T) => string {
  const { lang } = useI18n();
  return (key) => (table[key] as LocalizedText)[lang];
}
