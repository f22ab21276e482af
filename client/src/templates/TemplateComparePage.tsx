import type { BlockDiff, DiffOp } from '../../../shared/template/diff.js';
import { withSectionSpace } from '../editor/nodeViews/renderPieces.js';
import { Link } from '../router.js';
import { AppHeader } from '../ui/AppHeader.js';
import { Notice } from '../ui/Notice.js';
import { usePageTitle } from '../usePageTitle.js';
import { useResource } from '../useResource.js';
import { templatesApi } from './templatesApi.js';
import '../styles/templates.css';

/**
 * One run of the comparison. Insertions and deletions are not told by colour alone: <ins>/<del>
 * underline and strike through, and screen readers hear „eingefügt:" / „gestrichen:" before them.
 */
function Op({ op }: { op: DiffOp }) {
  const text = withSectionSpace(op.text);
  const content = op.placeholder ? <span className="diff-placeholder">{text}</span> : text;
  if (op.op === 'same') return <>{content}</>;
  const Tag = op.op === 'insert' ? 'ins' : 'del';
  return (
    <Tag className={`diff-${op.op}`}>
      <span className="visually-hidden">{op.op === 'insert' ? 'eingefügt: ' : 'gestrichen: '}</span>
      {content}
      <span className="visually-hidden"> (Ende)</span>
    </Tag>
  );
}

function Block({ block }: { block: BlockDiff }) {
  const body = (
    <p className="diff-text">
      {block.ops.map((op, index) => (
        <Op key={index} op={op} />
      ))}
    </p>
  );
  return (
    <section className={`diff-block${block.changed ? ' is-changed' : ''}`} data-block={block.blockId} aria-labelledby={`diff-${block.blockId}`}>
      <h2 id={`diff-${block.blockId}`}>
        {withSectionSpace(block.label)} <span className="diff-state">{block.changed ? 'geändert' : 'unverändert'}</span>
      </h2>
      {block.changed ? (
        body
      ) : (
        <details>
          <summary>Text anzeigen</summary>
          {body}
        </details>
      )}
    </section>
  );
}

/** „Vergleichen": what changed from version a to version b, block by block, word by word. */
export function TemplateComparePage({ a, b }: { a: string; b: string }) {
  // The versions by their names („AQB 2025“) as on the Vorlagen page; the id until the list is there.
  const versions = useResource(() => templatesApi.list(), 'templates');
  const labelOf = (id: string) => (versions.kind === 'loaded' ? versions.value.find((v) => v.version === id)?.label : undefined) ?? id;
  const heading = usePageTitle(`Vergleich ${labelOf(a)} → ${labelOf(b)}`);
  const state = useResource(() => templatesApi.compare(a, b), `compare:${a}:${b}`);
  const changed = state.kind === 'loaded' ? state.value.blocks.filter((block) => block.changed).length : 0;
  return (
    <>
      <AppHeader>
        <nav aria-label="Brotkrumen" className="breadcrumbs">
          <Link href="/vorlagen">Vorlagen</Link>
          <span aria-hidden="true"> › </span>
          <h1 ref={heading} tabIndex={-1} className="breadcrumbs-current">
            Vergleich
          </h1>
        </nav>
      </AppHeader>
      <main className="page template-compare">
        <p className="diff-versions">
          <Link href={`/vorlagen/${encodeURIComponent(a)}`}>{labelOf(a)}</Link> <span aria-label="verglichen mit">→</span> <Link href={`/vorlagen/${encodeURIComponent(b)}`}>{labelOf(b)}</Link>
        </p>
        {state.kind === 'loading' && <p className="page-status">Wird verglichen …</p>}
        {state.kind === 'error' && (
          <Notice tone="error" title="Der Vergleich ist nicht möglich">
            {state.message}
          </Notice>
        )}
        {state.kind === 'loaded' && (
          <>
            <p className="diff-summary" role="status">
              {changed === 0 ? 'Die beiden Versionen haben denselben Text.' : `${changed} von ${state.value.blocks.length} Abschnitten geändert.`}{' '}
              <span className="diff-legend">
                <ins className="diff-insert">eingefügt</ins> <del className="diff-delete">gestrichen</del>
              </span>
            </p>
            {state.value.blocks.map((block) => (
              <Block key={block.blockId} block={block} />
            ))}
          </>
        )}
      </main>
    </>
  );
}
