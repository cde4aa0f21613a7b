// Small colour arithmetic for labels drawn in a data colour (zone colours are often too dark to
// read as text on the dark map).

/** Mixes a #rgb / #rrggbb colour towards white by `amount` (0..1); other inputs are returned as is. */
export function lighten(color: string, amount: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return color;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const channels = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${channels
    .map((c) =>
      Math.round(c + (255 - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
