export function EmptyState() {
  return (
    <div className="empty-state">
      <p className="empty-state__title">Your canvas is empty</p>
      <p>Add a producer from the palette, or start from a template.</p>
      <p className="empty-state__hint">Drag from a node’s right handle to another node to connect them.</p>
    </div>
  );
}
