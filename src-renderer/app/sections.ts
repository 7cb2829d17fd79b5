import type { MessageKey } from '../i18n/vi.ts';

export const SECTIONS = ['reception', 'dossiers', 'health', 'queue', 'settings', 'reports'] as const;
export type Section = (typeof SECTIONS)[number];

export const sectionLabel = (s: Section): MessageKey => `nav.${s}`;
/** Alt+1 … Alt+6 switch sections, so the officer never needs the mouse. */
export const sectionShortcut = (s: Section): string => `Alt+${SECTIONS.indexOf(s) + 1}`;
