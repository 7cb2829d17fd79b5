import { z } from 'zod';

/** A text a person reads: Vietnamese first, English second. */
export const LocalizedText = z.object({ vi: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A coded problem shown to a person: the code the UI compares, and its text in both languages. */
export const CodedText = LocalizedText.extend({ code: z.string() });
export type CodedText = z.infer<typeof CodedText>;

/** An error as it crosses a boundary (every transport, every envelope). */
export const ErrorBody = z.object({ code: z.string(), message: LocalizedText, details: z.unknown().optional() });
export type ErrorBody = z.infer<typeof ErrorBody>;
