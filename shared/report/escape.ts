// Escaping text for the formats the report is written in.

/** Text inside HTML, SVG or XML elements and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text in a Markdown paragraph or table cell: markup characters are backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*)([-=]{3,})/gm, '$1\\$2');
}
