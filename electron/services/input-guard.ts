// Checks that apply to every call before its schema: text must be well-formed Unicode. A lone
// surrogate (possible in JSON and over IPC) cannot be stored as UTF-8; SQLite would silently turn
// it into U+FFFD, so what was acknowledged would not be what was stored. Refused with its path.
import type { Issue } from '../../shared/errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

export function inputIssues(raw: unknown): Issue[] {
  const issues: Issue[] = [];
  const walk = (value: unknown, path: string[], depth: number) => {
    if (issues.length >= 20) return;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) {
        issues.push({
          path: path.length ? path.join('.') : '(input)',
          message: 'text is not well-formed Unicode (lone surrogate)',
        });
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_DEPTH) {
      issues.push({ path: path.join('.') || '(input)', message: `nested deeper than ${MAX_DEPTH} levels` });
      return;
    }
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) {
      if (LONE_SURROGATE.test(key))
        issues.push({ path: [...path, '(key)'].join('.'), message: 'key is not well-formed Unicode' });
      walk(child, [...path, key], depth + 1);
    }
  };
  walk(raw, [], 0);
  return issues;
}
