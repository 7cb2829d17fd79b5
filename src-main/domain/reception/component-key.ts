/**
 * The id of a procedure's n-th required component inside one reception (scan pages, checklist and
 * the dossier use the same key), stable because a procedure's component list is fixed when chosen.
 */
export const componentKey = (index: number): string => `c${index + 1}`;
