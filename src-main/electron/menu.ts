import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  showWindow(): void;
  quit(): void;
  openDataFolder(): void;
}

/**
 * The application menu, in Vietnamese first: editing and zoom for officers; Reload and DevTools
 * only in a development build (a packaged counter must not offer a way into the page's internals).
 * Plain data: the shell passes it to Menu.buildFromTemplate, the tests read it.
 */
export function appMenuTemplate(opts: { packaged: boolean; platform: NodeJS.Platform }, actions: MenuActions): MenuItemConstructorOptions[] {
  const menu: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp / File',
      submenu: [
        { label: 'Mở thư mục dữ liệu / Open data folder', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: 'Thoát / Quit', accelerator: opts.platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: 'Sửa / Edit',
      submenu: [
        { role: 'undo', label: 'Hoàn tác / Undo' },
        { role: 'redo', label: 'Làm lại / Redo' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt / Cut' },
        { role: 'copy', label: 'Sao chép / Copy' },
        { role: 'paste', label: 'Dán / Paste' },
        { role: 'selectAll', label: 'Chọn tất cả / Select all' },
      ],
    },
    {
      label: 'Xem / View',
      submenu: [
        { role: 'resetZoom', label: 'Cỡ chữ mặc định / Actual size' },
        { role: 'zoomIn', label: 'Phóng to / Zoom in' },
        { role: 'zoomOut', label: 'Thu nhỏ / Zoom out' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toàn màn hình / Full screen' },
        ...(opts.packaged
          ? []
          : ([
              { type: 'separator' },
              { role: 'reload', label: 'Tải lại (phát triển) / Reload (development)' },
              { role: 'toggleDevTools', label: 'Công cụ phát triển / Developer tools' },
            ] as MenuItemConstructorOptions[])),
      ],
    },
  ];
  return menu;
}
