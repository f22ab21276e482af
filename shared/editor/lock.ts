import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { entryTextProblem, projectListProblem, withoutLayoutControls } from './entryRules.js';
import { NODE } from './nodes.js';

/**
 * The editor side of the lock: a user's transaction may change the content of the §5 project list
 * and nothing else. The server enforces the same rule on every update; this filter only keeps the
 * editor from trying (and from being disconnected for it). DOM-free, so it is tested in-process.
 */

/** Positions that lie in the §5 list's content, both ends included as insertion points. */
export interface ContentRange {
  from: number;
  to: number;
}

export function projectListContentRange(doc: PMNode): ContentRange | null {
  let range: ContentRange | null = null;
  doc.forEach((node, offset) => {
    if (range === null && node.type.name === NODE.projectList) {
      range = { from: offset + 1, to: offset + 1 + node.content.size };
    }
  });
  return range;
}

/** True for transactions that y-sync dispatches to mirror the Y.Doc (remote edits, own undo/redo). */
export function isRemoteChange(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta && meta.isChangeOrigin === true;
}

const inside = (pos: number, range: ContentRange) => pos >= range.from && pos <= range.to;

/**
 * A replace may stay within the list's positions and still escape it: a slice that is open at
 * depth 0 closes the list and reopens it, so it could put a locked block between two halves.
 * The slice must therefore be placed at depth 1 (inside the list) or deeper.
 */
function replaceStaysInside(doc: PMNode, from: number, to: number, openStart: number, openEnd: number): boolean {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  return $from.depth - openStart >= 1 && $to.depth - openEnd >= 1 && $from.index(0) === $to.index(0);
}

function mapStaysInside(step: Step, range: ContentRange): boolean {
  let ok = true;
  step.getMap().forEach((oldStart, oldEnd) => {
    if (!inside(oldStart, range) || !inside(oldEnd, range)) ok = false;
  });
  return ok;
}

/** Whether one step, applied to `doc`, changes only the content of the §5 list. */
export function stepChangesOnlyProjectList(step: Step, doc: PMNode): boolean {
  const range = projectListContentRange(doc);
  if (range === null) return false;
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
    if (!inside(step.from, range) || !inside(step.to, range) || !mapStaysInside(step, range)) return false;
    return replaceStaysInside(doc, step.from, step.to, step.slice.openStart, step.slice.openEnd);
  }
  // Lineage is written by the server only; no step of a user may set or change it.
  if (step instanceof AttrStep && step.attr === CARRIED_FROM) return false;
  // Steps without a step map name the node they change by its start position.
  if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
    return step.pos >= range.from && step.pos < range.to;
  }
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    return inside(step.from, range) && inside(step.to, range);
  }
  // DocAttrStep and any step type we do not know: refuse rather than guess.
  return false;
}

/** Whether every step of `tr` changes only the content of the §5 list (each against the doc before it). */
export function changesOnlyProjectList(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    const before = tr.docs[index];
    return before !== undefined && stepChangesOnlyProjectList(step, before);
  });
}

function listProblem(doc: PMNode): string | null {
  let problem: string | null = null;
  doc.forEach((node) => {
    if (node.type.name === NODE.projectList) problem = projectListProblem(node, { requireIds: false });
  });
  return problem;
}

/**
 * Whether `tr` keeps the §5 list within the server's rules (length, count, characters). A list
 * that already broke a rule (stored before the rule existed) may still be edited.
 */
export function keepsProjectListValid(tr: Transaction): boolean {
  const before = tr.docs[0];
  return listProblem(tr.doc) === null || (before !== undefined && listProblem(before) !== null);
}

const CARRIED_FROM = 'carriedFrom';

function lineageOf(doc: PMNode): Map<string, string> {
  const lineage = new Map<string, string>();
  doc.descendants((node) => {
    if (node.type.name !== NODE.projectEntry) return true;
    const id: unknown = node.attrs.id;
    const carriedFrom: unknown = node.attrs[CARRIED_FROM];
    if (typeof id === 'string' && typeof carriedFrom === 'string') lineage.set(id, carriedFrom);
    return false;
  });
  return lineage;
}

/**
 * Whether every entry of the result that names a lineage (`carriedFrom`) had exactly that lineage
 * under its id before: moving an entry keeps it, but no edit may give an entry a history it did
 * not have. The server checks the same against its own record.
 */
export function keepsLineage(tr: Transaction): boolean {
  const beforeDoc = tr.docs[0];
  if (!beforeDoc) return true;
  const before = lineageOf(beforeDoc);
  return [...lineageOf(tr.doc)].every(([id, carriedFrom]) => before.get(id) === carriedFrom);
}

/** Pasted text loses the characters the server refuses (a line break inside a line, bidi controls). */
function cleanSlice(slice: Slice): Slice {
  const clean = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.isText) nodes.push(node.type.schema.text(withoutLayoutControls(node.text ?? ''), node.marks));
      else nodes.push(node.copy(clean(node.content)));
    });
    return Fragment.from(nodes);
  };
  return new Slice(clean(slice.content), slice.openStart, slice.openEnd);
}

export const projectListLockKey = new PluginKey('projectListLock');

/** Tells the user why typed or pasted text was refused (German); the editor shows it. */
export type RefusalListener = (message: string) => void;

/**
 * Text the PDF cannot print (shared/text/printable.ts) is refused where it enters, with a message:
 * the filter below would refuse it too, but silently, and the user would not know why.
 */
function refusedInput(text: string, onRefused: RefusalListener | null): boolean {
  const problem = entryTextProblem(text);
  if (problem === null) return false;
  onRefused?.(problem);
  return true;
}

export function projectListLockPlugin(onRefused: RefusalListener | null = null): Plugin {
  return new Plugin({
    key: projectListLockKey,
    filterTransaction: (tr) => !tr.docChanged || isRemoteChange(tr) || (changesOnlyProjectList(tr) && keepsProjectListValid(tr) && keepsLineage(tr)),
    props: {
      transformPasted: (slice) => cleanSlice(slice),
      handlePaste: (_view, _event, slice) => refusedInput(slice.content.textBetween(0, slice.content.size, ' '), onRefused),
      handleTextInput: (_view, _from, _to, text) => refusedInput(text, onRefused),
    },
  });
}

/** The lock as a TipTap extension, for editors built from `schemaExtensions`. */
export const ProjectListLock = Extension.create<{ onRefused: RefusalListener | null }>({
  name: 'projectListLock',
  addOptions: () => ({ onRefused: null }),
  addProseMirrorPlugins() {
    return [projectListLockPlugin(this.options.onRefused)];
  },
});
