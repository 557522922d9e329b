// Pass or fail of an objective, said in words and with a mark, never by colour alone.
export function Verdict({ pass, detail }: { pass: boolean; detail?: string }) {
  return (
    <span className={`verdict verdict--${pass ? 'pass' : 'fail'}`}>
      <span aria-hidden="true" className="verdict__mark">
        {pass ? '✓' : '✗'}
      </span>
      {pass ? 'Pass' : 'Fail'}
      {detail && <span className="verdict__detail"> {detail}</span>}
    </span>
  );
}
