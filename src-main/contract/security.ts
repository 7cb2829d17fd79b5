/**
 * One content security policy for both shells: only our own scripts, no eval, no remote content.
 * 'unsafe-inline' styles are allowed because React sets style attributes; blob:/data: images for
 * scanned page thumbnails and the face photo from the chip.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
