// The store reaches components through context, so tests can mount the UI on their own store.
import { createContext } from 'react';
import type { VigieStore } from './store';

export const StoreContext = createContext<VigieStore | null>(null);
