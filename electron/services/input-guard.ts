// Checks that apply to every string and key of every call before its schema, so no call can miss
// them. Text must be well-formed Unicode: a lone surrogate (possible in JSON and over IPC) cannot
// be stored as UTF-8; SQLite would silently turn it into U+FFFD, so what was acknowledged would not
// be what was stored. Control characters follow the contract's rule (shared/control-chars.ts). Each is
// refused with its path.
import type { Issue } from '../../shared/errors.js';
import { FREE_TEXT_CONTROL } from '../../shared/control-chars.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

/** Why a string breaks the rule, or null. Says where, so a refused file can be fixed. */
function textProblem(s: string): string | null {
  if (LONE_SURROGATE.test(s)) return 'is not well-formed Unicode (lone surrogate)';
  const control = FREE_TEXT_CONTROL.exec(s);
  if (!control) return null;
  const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `has a control character U+${code} at position ${control.index}; only tab and line breaks are allowed`;
}

export function inputIssues(raw: unknown): Issue[] {
  const issues: Issue[] = [];
  // One path, pushed and popped as the walk goes: joined only for an issue (every call is walked).
  const path: string[] = [];
  const where = (...tail: string[]) => [...path, ...tail].join('.') || '(input)';
  const walk = (value: unknown, depth: number) => {
    if (issues.length >= 20) return;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) issues.push({ path: where(), message: `text ${problem}` });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_DEPTH) {
      issues.push({ path: where(), message: `nested deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(String(i));
        walk(value[i], depth + 1);
        path.pop();
      }
      return;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const problem = textProblem(key);
      if (problem) issues.push({ path: where('(key)'), message: `key ${problem}` });
      path.push(key);
      walk((value as Record<string, unknown>)[key], depth + 1);
      path.pop();
    }
  };
  walk(raw, 0);
  return issues;
}
