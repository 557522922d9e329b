// Messages to the user and which dialog is open. Not part of undo history.
import type { StateCreator } from 'zustand';
import type { App } from '../types';

/** Errors and warnings stay until dismissed; only errors are alerts. */
export type ToastTone = 'error' | 'warning' | 'info';
/** A choice offered in a message: a button that runs it and closes the message. */
export interface ToastAction {
  label: string;
  run: () => void;
}
export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  /** Further lines, e.g. the first problems of a refused file. */
  details?: string[];
  /** Choices; a message with choices stays until one is made or it is dismissed. */
  actions?: ToastAction[];
}
export type Dialog = 'templates' | 'confirm-new' | 'share' | 'export-image' | null;
/** What the right-hand column shows: the selection's Inspector, the flow's faults, or experiments. */
export type SideTab = 'inspector' | 'faults' | 'experiment';

/** A connection being made from the keyboard: the handle pressed first, waiting for the other end. */
export interface PendingConnection {
  nodeId: string;
  /** The side pressed first: 'source' (an output) waits for an input, and the reverse. */
  side: 'source' | 'target';
}

export interface UiSlice {
  toasts: Toast[];
  dialog: Dialog;
  /** A polite message for screen readers only (the Announcer reads it out). */
  announcement: { id: number; text: string } | null;
  pendingConnection: PendingConnection | null;
  /** Inspector sections the user folded, by name ("Delivery"): kept while moving between nodes. */
  foldedSections: Readonly<Record<string, boolean>>;
  sideTab: SideTab;
  /** The fault the Faults region brings into view and focuses once (from a node's Inspector). */
  faultFocus: number | null;
  /** Shows a message; an identical one already on screen is replaced so it is read again. */
  notify: (tone: ToastTone, title: string, details?: string[], actions?: ToastAction[]) => void;
  dismiss: (id: number) => void;
  openDialog: (dialog: Dialog) => void;
  announce: (text: string) => void;
  setPendingConnection: (pending: PendingConnection | null) => void;
  toggleSection: (name: string) => void;
  showSideTab: (tab: SideTab, faultFocus?: number) => void;
  clearFaultFocus: () => void;
}

let lastToastId = 0;

export const createUiSlice: StateCreator<App, [], [], UiSlice> = (set, get) => ({
  toasts: [],
  dialog: null,
  announcement: null,
  pendingConnection: null,
  foldedSections: {},
  sideTab: 'inspector',
  faultFocus: null,
  notify: (tone, title, details, actions) => {
    const id = ++lastToastId;
    const others = get().toasts.filter((t) => t.title !== title);
    const toast = { id, tone, title, ...(details ? { details } : {}), ...(actions ? { actions } : {}) };
    set({ toasts: [...others.slice(-3), toast] });
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  openDialog: (dialog) => set({ dialog }),
  announce: (text) => set({ announcement: { id: ++lastToastId, text } }),
  setPendingConnection: (pendingConnection) => set({ pendingConnection }),
  toggleSection: (name) => {
    const folded = get().foldedSections;
    set({ foldedSections: { ...folded, [name]: !folded[name] } });
  },
  showSideTab: (sideTab, faultFocus) => set({ sideTab, faultFocus: faultFocus ?? null }),
  clearFaultFocus: () => set({ faultFocus: null }),
});
