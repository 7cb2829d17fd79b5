/**
 * Asks before a destructive action (discarding a reception, deleting a scanned page). The browser's
 * own dialog is modal, keyboard-operable (Enter / Esc) and works the same in Electron and the web host.
 */
export function confirmDestructive(question: string): boolean {
  return window.confirm(question);
}
