// A set of listeners to one kind of event: add (returning the removal), emit to all, clear.

export interface Listeners<E> {
  add(listener: (e: E) => void): () => void;
  emit(e: E): void;
  clear(): void;
}

export function listeners<E>(): Listeners<E> {
  const set = new Set<(e: E) => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(e) {
      for (const l of set) l(e);
    },
    clear: () => set.clear(),
  };
}
