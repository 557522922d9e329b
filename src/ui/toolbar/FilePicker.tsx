// The toolbar's one file input, shared by "Import JSON" (one Flow JSON file) and "Import
// AsyncAPI" (several documents at once): each button sets what the next choice is for. One input,
// so the page has a single file input to find, and whatever sets files on it without a button
// (a test, an extension) imports a flow as before.
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { useImportAsyncApi, useImportFile } from '../hooks/useImportFile';

export interface FilePickerHandle {
  pickFlow(): void;
  pickAsyncApi(): void;
}

const FLOW = { accept: '.json,application/json', multiple: false };
const ASYNCAPI = { accept: '.yaml,.yml,.json,application/yaml,application/json', multiple: true };

export function FilePicker({ ref }: { ref: Ref<FilePickerHandle> }) {
  const input = useRef<HTMLInputElement>(null);
  const forAsyncApi = useRef(false);
  const importFile = useImportFile();
  const importAsyncApi = useImportAsyncApi();

  const setMode = (asyncApi: boolean) => {
    forAsyncApi.current = asyncApi;
    const el = input.current;
    if (!el) return;
    const mode = asyncApi ? ASYNCAPI : FLOW;
    el.accept = mode.accept;
    el.multiple = mode.multiple;
  };
  const open = (asyncApi: boolean) => {
    setMode(asyncApi);
    input.current?.click();
  };
  const reset = () => setMode(false);
  // A chooser closed without a choice: the next files set on the input are a flow again.
  useEffect(() => {
    const el = input.current;
    const onCancel = () => setMode(false);
    el?.addEventListener('cancel', onCancel);
    return () => el?.removeEventListener('cancel', onCancel);
  }, []);
  useImperativeHandle(ref, () => ({ pickFlow: () => open(false), pickAsyncApi: () => open(true) }));

  return (
    <input
      ref={input}
      type="file"
      accept={FLOW.accept}
      hidden
      aria-label="Flow JSON file"
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])];
        const asyncApi = forAsyncApi.current;
        // Reset so choosing the same file again still fires a change.
        e.currentTarget.value = '';
        reset();
        if (files.length === 0) return;
        if (asyncApi) void importAsyncApi(files);
        else void importFile(files[0]!);
      }}
    />
  );
}
