import { createContext, useContext, type ReactNode } from 'react';
import { vi, type MessageKey } from './vi.ts';
import { en } from './en.ts';
import type { LocalizedText } from '../../src-main/contract/errors.ts';

export type Language = 'vi' | 'en';
const catalogs: Record<Language, Record<MessageKey, string>> = { vi, en };

interface I18n {
  lang: Language;
  t(key: MessageKey): string;
  /** Picks the right half of a {vi, en} text coming from the core. */
  pick(text: LocalizedText): string;
}

const I18nContext = createContext<I18n>({ lang: 'vi', t: (k) => vi[k], pick: (x) => x.vi });

export function I18nProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  const value: I18n = { lang, t: (key) => catalogs[lang][key], pick: (text) => text[lang] };
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
