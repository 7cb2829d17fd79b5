import type { QueueSummary } from '../contract/queue.ts';

/** Dossiers that have not reached the province yet (what closing the app would leave undelivered). */
export function waitingDossiers(summary: Pick<QueueSummary, 'counts'> | undefined): number {
  const c: Partial<QueueSummary['counts']> = summary?.counts ?? {};
  return (c.pending ?? 0) + (c.sending ?? 0) + (c['failed-retrying'] ?? 0);
}

export interface QuitQuestion {
  /** No question is needed: nothing waits. */
  ask: boolean;
  message: string;
  detail: string;
  buttons: [string, string];
}

/** The "really quit?" dialog: it says how many dossiers still wait to be sent. */
export function quitQuestion(waiting: number): QuitQuestion {
  return {
    ask: waiting > 0,
    message: `Còn ${waiting} hồ sơ chưa gửi lên hệ thống một cửa của tỉnh. / ${waiting} dossier(s) are not yet sent to the province.`,
    detail:
      'Nếu thoát, hồ sơ vẫn được giữ an toàn và sẽ gửi tiếp khi mở lại ứng dụng. Đóng cửa sổ (không thoát) thì ứng dụng tiếp tục gửi ở khay hệ thống. / ' +
      'If you quit they stay safe and are sent when the app is opened again. Closing the window (not quitting) keeps sending from the system tray.',
    buttons: ['Vẫn thoát / Quit anyway', 'Không thoát / Keep running'],
  };
}

export interface HideableWindow {
  on(event: 'close', listener: (e: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

/**
 * Closing the window hides it to the tray so delivery to the province continues; only the tray's
 * or the menu's "Quit" ends the app. Returns the function that marks a real quit.
 */
export function closeToTray(win: HideableWindow, onFirstHide?: () => void): { quitting(): void } {
  let quitting = false;
  let told = false;
  win.on('close', (e) => {
    if (quitting) return;
    e.preventDefault();
    win.hide();
    if (!told) {
      told = true;
      onFirstHide?.();
    }
  });
  return { quitting: () => void (quitting = true) };
}
