import type { NodeViewRenderer } from '@tiptap/core';
import { isPieceKind } from '../../../shared/template/compile.js';
import { isPlaceholderKey, placeholderSpec } from '../../../shared/template/placeholders.js';
import { isBlockId, type PieceKind } from '../../../shared/template/types.js';
import { PIECE_TAGS, withSectionSpace } from '../editor/nodeViews/renderPieces.js';
import { BLOCK_LABELS } from '../../../shared/template/blockLabels.js';
import { PIECE_KIND_LABELS } from './pieceKinds.js';

const pieceKind = (value: unknown): PieceKind => (isPieceKind(value) ? value : 'text');

/**
 * A section of the text (Präambel, § 1 …) with its name above it. The name is not part of the
 * document: nobody can delete or rename a section, only write inside it.
 */
export const sectionView: NodeViewRenderer = ({ node }) => {
  const blockId: unknown = node.attrs.blockId;
  const dom = document.createElement('section');
  dom.className = 'template-section';
  dom.dataset.block = String(blockId);
  const label = document.createElement('p');
  label.className = 'template-section-label';
  label.contentEditable = 'false';
  label.textContent = isBlockId(blockId) ? BLOCK_LABELS[blockId] : String(blockId);
  label.id = `template-section-${String(blockId)}`;
  dom.setAttribute('role', 'group');
  dom.setAttribute('aria-labelledby', label.id);
  const contentDOM = document.createElement('div');
  contentDOM.className = 'template-section-content';
  dom.append(label, contentDOM);
  return {
    dom,
    contentDOM,
    update: (updated) => updated.type === node.type && updated.attrs.blockId === blockId,
    ignoreMutation: (mutation) => mutation.target === label || label.contains(mutation.target),
  };
};

/** A piece as the agreement prints it (same element and classes), its kind named for screen readers. */
export const pieceView: NodeViewRenderer = ({ node }) => {
  const kind = pieceKind(node.attrs.kind);
  const dom = document.createElement(PIECE_TAGS[kind]);
  dom.className = `piece piece-${kind}`;
  dom.dataset.kind = kind;
  dom.setAttribute('aria-roledescription', PIECE_KIND_LABELS[kind]);
  return {
    dom,
    contentDOM: dom,
    // Another kind means another element: ProseMirror draws the piece anew.
    update: (updated) => updated.type === node.type && pieceKind(updated.attrs.kind) === kind,
  };
};

/**
 * A placeholder as a chip: an atom showing its German label („Jahr", „Partner, Dativ mit Artikel"),
 * never its value and never text one could edit into something that only looks like one.
 */
export const placeholderView: NodeViewRenderer = ({ node }) => {
  const key: unknown = node.attrs.key;
  const upper = node.attrs.upper === true;
  const spec = isPlaceholderKey(key) ? placeholderSpec(key) : null;
  const label = spec ? spec.label : `unbekannt: ${String(key)}`;
  const dom = document.createElement('span');
  dom.className = `placeholder-chip${spec ? '' : ' is-unknown'}`;
  dom.contentEditable = 'false';
  dom.dataset.placeholder = String(key);
  dom.setAttribute('role', 'img');
  dom.setAttribute('aria-label', `Platzhalter ${label}${upper ? ', großgeschrieben' : ''}`);
  if (spec) dom.title = `Platzhalter – z. B. „${withSectionSpace(upper ? spec.example.charAt(0).toUpperCase() + spec.example.slice(1) : spec.example)}“`;
  dom.textContent = upper ? `${label} ↑` : label;
  return { dom };
};
