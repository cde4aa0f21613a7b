// A keyboard shortcut shown beside the control it triggers ("N", "Ctrl+I", "Esc").
export function ShortcutHint({ keys }: { keys: readonly string[] }) {
  return (
    <span className="shortcut" aria-hidden="true">
      {keys.map((k) => (
        <kbd key={k}>{k}</kbd>
      ))}
    </span>
  );
}
