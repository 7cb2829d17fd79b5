import type { FormKind, FormSet } from '../../../../contract/print.ts';
import { FORM_SETS, type FormSetEntry } from './form-sets.ts';
import { DEFAULT_TEXTS, type TextKey } from './texts.ts';

/** The wording in force: the default texts, the form set's numbers, and the province's overrides. */
export interface FormTemplate {
  formSet: FormSet;
  t(key: TextKey, vars?: Record<string, string | number>): string;
  form(kind: FormKind): FormSetEntry;
}

export function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function formTemplate(formSet: FormSet, overrides: Record<string, string> = {}): FormTemplate {
  const entries = FORM_SETS[formSet];
  return {
    formSet,
    t: (key, vars) => fill(overrides[key] ?? DEFAULT_TEXTS[key], vars),
    form: (kind) => ({
      number: overrides[`form.${kind}.number`] ?? entries[kind].number,
      title: overrides[`form.${kind}.title`] ?? entries[kind].title,
      basis: overrides[`form.${kind}.basis`] ?? entries[kind].basis,
    }),
  };
}

/** Form number (as printed, "01") → kind, in a form set (CLI `print form 05`). */
export function kindOfNumber(formSet: FormSet, number: string, overrides: Record<string, string> = {}): FormKind | undefined {
  const tpl = formTemplate(formSet, overrides);
  const wanted = number.padStart(2, '0');
  return (Object.keys(FORM_SETS[formSet]) as FormKind[]).find((k) => tpl.form(k).number === wanted);
}
