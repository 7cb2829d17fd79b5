import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onError?: (error: Error, info: ErrorInfo) => void;
}

/**
 * A screen that throws while rendering shows this notice instead of a blank window; the top bar and
 * the status bar sit outside it and stay, so the officer can switch screens or see the queue.
 * Keyed by the section, so choosing another screen starts afresh.
 */
export class ErrorBoundary extends Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="screen-error" data-testid="screen-error">
        <h2>Màn hình này gặp lỗi / This screen failed</h2>
        <p>Dữ liệu đã lưu không bị mất. Chọn lại màn hình hoặc bấm “Thử lại”; nếu lỗi lặp lại, xuất chẩn đoán (Cài đặt → Chẩn đoán) gửi bộ phận CNTT.</p>
        <p className="muted">Saved data is not lost. Pick the screen again or press “Retry”; if it keeps failing, export diagnostics (Settings → Diagnostics) for IT.</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Thử lại / Retry
        </button>
      </div>
    );
  }
}
