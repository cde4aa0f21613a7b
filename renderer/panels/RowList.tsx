// The one list renderer for the side panel: a listbox of selectable rows that scrolls the selected
// row into view and moves the selection with the arrow keys. Plain rendering with CSS overflow for
// now; windowing (virtualisation) can replace the body of this component without touching callers.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface RowListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  renderRow: (item: T) => ReactNode;
  /** data-* attributes of a row (test ids, references). */
  rowAttributes: (item: T) => Record<`data-${string}`, string>;
  label: string;
  empty: string;
}

export function RowList<T>(props: RowListProps<T>) {
  const { items, getKey, selectedKey, onSelect, renderRow, rowAttributes, label, empty } = props;
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!selectedKey) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(selectedKey)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const index = items.findIndex((item) => getKey(item) === selectedKey);
    const next = e.key === 'ArrowDown' ? Math.min(items.length - 1, index + 1) : Math.max(0, index - 1);
    const item = items[next];
    if (item) {
      onSelect(getKey(item));
      listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(getKey(item))}"]`)?.focus();
    }
  };

  if (items.length === 0) return <p className="list-empty">{empty}</p>;

  return (
    <ul ref={listRef} className="row-list" role="listbox" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item, i) => {
        const key = getKey(item);
        const selected = key === selectedKey;
        const focusable = selected || (selectedKey === null && i === 0);
        return (
          <li
            key={key}
            data-key={key}
            role="option"
            aria-selected={selected}
            tabIndex={focusable ? 0 : -1}
            className="row"
            onClick={() => onSelect(key)}
            {...rowAttributes(item)}
          >
            {renderRow(item)}
          </li>
        );
      })}
    </ul>
  );
}
