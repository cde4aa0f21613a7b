// A refused operator call, split for the form: each issue next to the field it names (ApiError
// issues[].path), and the rest (no field, or a field the form does not show) as one message.
import { toApiError } from '../api';

export interface FormErrors {
  fields: Record<string, string>;
  message: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, message: null };

export function formErrors(err: unknown, shown: readonly string[]): FormErrors {
  const e = toApiError(err);
  const fields: Record<string, string> = {};
  for (const issue of e.issues ?? []) {
    const field = issue.path.split('.')[0] ?? '';
    if (shown.includes(field)) fields[field] ??= issue.message;
  }
  return { fields, message: Object.keys(fields).length ? null : e.message };
}
