/** What a route handler of the reference server answers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Buffer;
}

/** The contract's error body `{error_code, message}` with a Vietnamese message. */
export const err = (status: number, error_code: string, message: string, details?: unknown): Reply => ({
  status,
  body: details === undefined ? { error_code, message } : { error_code, message, details },
});

/** A file or result document the server accepts bytes for (tus-style PATCH). */
export interface UploadTarget {
  busyKey: string;
  path: string;
  size: number;
  sha256: string;
  complete: boolean;
  markComplete(): void;
  state(): { TepDinhKemId: string; offset: number; KichThuoc: number; complete: boolean };
}
