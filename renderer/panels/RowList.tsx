// The one list renderer for the side panel: a listbox of selectable rows that scrolls the selected
// row into view and moves the selection with the keyboard (arrows, Page Up/Down, Home/End). Rows
// have a fixed height and are windowed with @tanstack/react-virtual: only the rows in view (and a
// few either side) are in the DOM, so the incident board scrolls through tens of thousands of rows
// and the units list through thousands.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface RowListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  renderRow: (item: T) => ReactNode;
  /** data-* attributes of a row (test ids, references). */
  rowAttributes: (item: T) => Record<`data-${string}`, string>;
  /** Extra class names of a row (e.g. overdue). */
  rowClass?: (item: T) => string;
  label: string;
  empty: string;
  /** Height of every row in px. */
  rowHeight: number;
  /** Called when the rows in view come near the end of `items` (a paged list loads more). */
  onNearEnd?: () => void;
  /** How many rows the whole list has when only part is loaded (for assistive technology). */
  setSize?: number;
}

/** Rows from the end at which a paged list asks for more. */
const NEAR_END = 30;

const PAGE = 10;

/** The index the key moves the selection to, or null for a key the list does not handle. */
function nextIndex(key: string, index: number, count: number, page: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(count - 1, index + page);
    case 'PageUp':
      return Math.max(0, index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

const rowSelector = (key: string) => `[data-key="${CSS.escape(key)}"]`;

export function RowList<T>(props: RowListProps<T>) {
  if (props.items.length === 0) return <p className="list-empty">{props.empty}</p>;
  return <WindowedRows {...props} />;
}

function WindowedRows<T>(props: RowListProps<T>) {
  const { items, getKey, selectedKey, onSelect, renderRow, rowAttributes, rowClass, label, rowHeight } =
    props;
  const { onNearEnd, setSize = items.length } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row to focus once it is rendered (after a keyboard move scrolled it into view).
  const focusKey = useRef<string | null>(null);
  const scrolledTo = useRef<string | null>(null);

  // TanStack Virtual hands back a mutable instance: the React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (i) => {
      const item = items[i];
      return item === undefined ? i : getKey(item);
    },
    overscan: 6,
    useFlushSync: false,
  });

  const selectedIndex = selectedKey ? items.findIndex((item) => getKey(item) === selectedKey) : -1;

  // Bring the selected row into view when the selection changes (not on every refresh).
  useEffect(() => {
    if (!selectedKey || selectedIndex < 0 || scrolledTo.current === selectedKey) return;
    scrolledTo.current = selectedKey;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedKey, selectedIndex, virtualizer]);

  useEffect(() => {
    const key = focusKey.current;
    if (!key) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(rowSelector(key));
    if (row) {
      row.focus({ preventScroll: true });
      focusKey.current = null;
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? rowHeight * PAGE) / rowHeight) - 1,
    );
    const next = nextIndex(e.key, selectedIndex, items.length, page);
    if (next === null) return;
    e.preventDefault();
    const item = items[next];
    if (!item) return;
    const key = getKey(item);
    focusKey.current = key;
    scrolledTo.current = key;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    onSelect(key);
  };

  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && lastShown >= items.length - NEAR_END) onNearEnd();
  }, [onNearEnd, lastShown, items.length]);
  const selectedShown = rows.some((r) => r.index === selectedIndex);
  return (
    <div ref={scrollRef} className="row-list" role="listbox" aria-label={label} onKeyDown={onKeyDown}>
      <div role="presentation" className="row-window" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((r, n) => {
          const item = items[r.index];
          if (item === undefined) return null;
          const key = getKey(item);
          const selected = key === selectedKey;
          const focusable = selected || (!selectedShown && n === 0);
          return (
            <div
              key={key}
              data-key={key}
              role="option"
              aria-selected={selected}
              aria-setsize={setSize}
              aria-posinset={r.index + 1}
              tabIndex={focusable ? 0 : -1}
              className={`row ${rowClass?.(item) ?? ''}`}
              style={{ height: rowHeight, transform: `translateY(${r.start}px)` }}
              onClick={() => onSelect(key)}
              {...rowAttributes(item)}
            >
              {renderRow(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
