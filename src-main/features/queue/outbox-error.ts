/** Why a delivery attempt failed, as both outboxes keep it (the server's code and reason, the HTTP status). */
export interface OutboxError {
  code: string;
  reason: string;
  httpStatus?: number;
}
