import { MODEL_KINDS } from '../../model/kinds';
import type { FlowNode } from '../../model/flow';
import { useAppStoreApi } from '../../store/useAppStore';
import { KindIcon } from '../nodes/KindIcon';
import { HandlerFields } from './HandlerFields';
import { ProducerFields } from './ProducerFields';
import { QueueFields } from './QueueFields';
import { StreamFields } from './StreamFields';
import { TextField } from './TextField';
import { TopicFields } from './TopicFields';

function KindFields({ node }: { node: FlowNode }) {
  switch (node.kind) {
    case 'producer':
      return <ProducerFields node={node} />;
    case 'queue':
      return <QueueFields node={node} />;
    case 'topic':
      return <TopicFields node={node} />;
    case 'stream':
      return <StreamFields node={node} />;
    case 'handler':
      return <HandlerFields node={node} />;
    case 'store':
      return <p className="inspector__note">A store is terminal: events end their journey here.</p>;
  }
}

export function NodeInspector({ node }: { node: FlowNode }) {
  const store = useAppStoreApi();
  return (
    <>
      <div className={`inspector__head inspector__head--${node.kind}`}>
        <KindIcon kind={node.kind} size={20} />
        <div>
          <h2 className="inspector__title">{MODEL_KINDS[node.kind].label}</h2>
          <p className="inspector__id">
            id <code>{node.id}</code>
          </p>
        </div>
      </div>
      {/* key: a different node starts with fresh field state */}
      <div className="inspector__fields" key={node.id}>
        <TextField
          label="Label"
          value={node.label}
          optional
          placeholder={node.id}
          onCommit={(label) => store.getState().updateNode(node.id, { label })}
        />
        <KindFields node={node} />
      </div>
    </>
  );
}
