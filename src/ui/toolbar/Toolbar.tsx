// The top bar: document commands on the left, the flow's name, and `children` — the slot where
// App puts the run controls (Run, Pause, Step, Reset, Speed) owned by the runtime layer.
import { type ReactNode, useRef } from 'react';
import { useAppStore, useHistory } from '../../store/useAppStore';
import type { EditorActions } from '../hooks/useEditorActions';
import { FilePicker, type FilePickerHandle } from './FilePicker';
import { ToolButton } from './ToolButton';
import {
  EXPORT_ICON,
  IMAGE_ICON,
  IMPORT_ICON,
  LAYOUT_ICON,
  REDO_ICON,
  SHARE_ICON,
  UNDO_ICON,
} from './toolIcons';

interface Props {
  actions: EditorActions;
  children?: ReactNode;
}

export function Toolbar({ actions, children }: Props) {
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const name = useAppStore((s) => s.flow.name);
  const isEmpty = useAppStore((s) => s.flow.nodes.length === 0 && s.flow.edges.length === 0);
  const openDialog = useAppStore((s) => s.openDialog);
  const picker = useRef<FilePickerHandle>(null);

  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <div className="toolbar__brand" title="Eventflow Studio">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="toolbar__logo">
          <circle cx="5" cy="12" r="3" />
          <circle cx="19" cy="6" r="3" />
          <circle cx="19" cy="18" r="3" />
          <path d="M8 12h3l5-5M11 12l5 5" fill="none" />
        </svg>
        <span className="toolbar__app">Eventflow Studio</span>
        <span className="toolbar__sep" aria-hidden="true">
          /
        </span>
        <span className="toolbar__name" title={name}>
          {name || 'Untitled flow'}
        </span>
      </div>
      <div className="toolbar__group">
        <ToolButton label="New" onClick={() => (isEmpty ? actions.newFlow() : openDialog('confirm-new'))} />
        <ToolButton label="Templates" onClick={() => openDialog('templates')} />
      </div>
      <ExchangePair
        format="JSON"
        group="Flow JSON"
        onImport={() => picker.current?.pickFlow()}
        onExport={actions.exportJson}
      />
      <FilePicker ref={picker} />
      <ExchangePair
        format="AsyncAPI"
        group="AsyncAPI"
        onImport={() => picker.current?.pickAsyncApi()}
        onExport={actions.exportAsyncApi}
        exportDisabled={isEmpty}
      />
      <div className="toolbar__group">
        <ToolButton
          label="Share"
          icon={SHARE_ICON}
          compact
          onClick={() => openDialog('share')}
          disabled={isEmpty}
        />
        <ToolButton
          label="Export image"
          icon={IMAGE_ICON}
          compact
          onClick={() => openDialog('export-image')}
          disabled={isEmpty}
        />
      </div>
      <div className="toolbar__group">
        <ToolButton
          label="Undo"
          shortcut="Ctrl+Z"
          icon={UNDO_ICON}
          compact
          disabled={!canUndo}
          onClick={actions.undo}
        />
        <ToolButton
          label="Redo"
          shortcut="Ctrl+Shift+Z"
          icon={REDO_ICON}
          compact
          disabled={!canRedo}
          onClick={actions.redo}
        />
        <ToolButton
          label="Auto layout"
          icon={LAYOUT_ICON}
          compact
          onClick={() => void actions.autoLayout()}
          disabled={isEmpty}
        />
      </div>
      <div className="toolbar__run">{children}</div>
    </header>
  );
}

interface PairProps {
  /** The format as the buttons name it: "Import JSON", "Export JSON". */
  format: string;
  /** The group's accessible name. */
  group: string;
  onImport: () => void;
  onExport: () => void;
  exportDisabled?: boolean;
}

/** Import and Export of one format; when their labels are hidden, a caption names the format. */
function ExchangePair({ format, group, onImport, onExport, exportDisabled }: PairProps) {
  return (
    <div className="toolbar__group" role="group" aria-label={group}>
      <span className="toolbar__caption" aria-hidden="true">
        {format}
      </span>
      <ToolButton label={`Import ${format}`} icon={IMPORT_ICON} compact onClick={onImport} />
      <ToolButton
        label={`Export ${format}`}
        icon={EXPORT_ICON}
        compact
        onClick={onExport}
        disabled={exportDisabled}
      />
    </div>
  );
}
