// Errors that cross the API boundary, as plain data (they survive IPC and JSON).

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Issue {
  /** Field path, dotted: "status" or "rows.3.lat". */
  path: string;
  message: string;
}

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
  /** For conflicts: the row as it is now, so the desk can show it. */
  current?: unknown;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  readonly current: unknown;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.issues = data.issues;
    this.current = data.current;
  }
  toData(): ApiErrorData {
    const d: ApiErrorData = { code: this.code, message: this.message };
    if (this.issues) d.issues = this.issues;
    if (this.current !== undefined) d.current = this.current;
    return d;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** HTTP status used by the browser host for each code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  internal: 500,
};
