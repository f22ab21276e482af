import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { AllSelection, EditorState, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { DocAttrStep, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { agreementBodyJSON, projectListFromBody } from '../../shared/editor/body.js';
import { entryIdsPlugin } from '../../shared/editor/entryIds.js';
import { isEntryId } from '../../shared/editor/ids.js';
import { changesOnlyProjectList, projectListLockPlugin } from '../../shared/editor/lock.js';
import { MAX_ENTRY_LENGTH, NODE } from '../../shared/editor/nodes.js';
import { agreementSchema } from '../../shared/editor/schema.js';
import { addProject, moveProject, removeProject, splitProject } from '../../client/src/editor/commands/entries.js';
import { addMeasureGroup, removeMeasureGroup } from '../../client/src/editor/commands/groups.js';

const schema = agreementSchema();

function demoState(): EditorState {
  const doc = schema.nodeFromJSON(agreementBodyJSON(WERRA_MEISSNER_2024.projects));
  return EditorState.create({ schema, doc, plugins: [projectListLockPlugin(), entryIdsPlugin()] });
}

/** Start position of the first top-level node that matches. */
function topLevelPos(doc: PMNode, matches: (node: PMNode) => boolean): { pos: number; node: PMNode } {
  let found: { pos: number; node: PMNode } | null = null;
  doc.forEach((node, pos) => {
    if (!found && matches(node)) found = { pos, node };
  });
  if (!found) throw new Error('node not found');
  return found;
}

const block = (doc: PMNode, blockId: string) => topLevelPos(doc, (node) => node.attrs.blockId === blockId);

function entryPos(doc: PMNode, id: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.type.name === NODE.projectEntry && node.attrs.id === id) found = pos;
  });
  if (found < 0) throw new Error(`entry ${id} not found`);
  return found;
}

/** Everything outside the §5 list, which no local transaction may change. */
const lockedPart = (doc: PMNode) => {
  const nodes: unknown[] = [];
  doc.forEach((node) => nodes.push(node.type.name === NODE.projectList ? 'list' : node.toJSON()));
  return nodes;
};

const projects = (state: EditorState) => projectListFromBody(state.doc.toJSON() as Parameters<typeof projectListFromBody>[0]);
const titles = (state: EditorState) => projects(state).map((group) => [group.measureType, group.entries.map((e) => e.title)]);

function expectRefused(state: EditorState, tr: Transaction) {
  expect(tr.docChanged).toBe(true);
  expect(changesOnlyProjectList(tr)).toBe(false);
  expect(state.apply(tr)).toBe(state);
}

function expectAllowed(state: EditorState, tr: Transaction): EditorState {
  expect(changesOnlyProjectList(tr)).toBe(true);
  const next = state.apply(tr);
  expect(next).not.toBe(state);
  expect(lockedPart(next.doc)).toEqual(lockedPart(state.doc));
  return next;
}

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  const applied = command(state, (tr) => {
    next = expectAllowed(state, tr);
  });
  expect(applied).toBe(true);
  return next;
}

const cursorIn = (state: EditorState, id: string, offset = 0) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, entryPos(state.doc, id) + 1 + offset)));

describe('the lock on the template blocks', () => {
  it('refuses typing at a locked block', () => {
    const state = demoState();
    expectRefused(state, state.tr.insertText('x', block(state.doc, 'p4').pos));
  });

  it('refuses deleting a locked block or the signatures', () => {
    const state = demoState();
    const p4 = block(state.doc, 'p4');
    expectRefused(state, state.tr.delete(p4.pos, p4.pos + p4.node.nodeSize));
    const signatures = topLevelPos(state.doc, (node) => node.type.name === NODE.signatures);
    expectRefused(state, state.tr.delete(signatures.pos, signatures.pos + signatures.node.nodeSize));
  });

  it('refuses replacing a locked block with another block', () => {
    const state = demoState();
    const p4 = block(state.doc, 'p4');
    const other = schema.nodes[NODE.templateBlock]!.create({ blockId: 'p6' });
    expectRefused(state, state.tr.replaceWith(p4.pos, p4.pos + p4.node.nodeSize, other));
  });

  it('refuses changing the attributes of a locked block', () => {
    const state = demoState();
    const p4 = block(state.doc, 'p4');
    expectRefused(state, state.tr.setNodeAttribute(p4.pos, 'blockId', 'p6'));
    expectRefused(state, state.tr.setNodeMarkup(p4.pos, undefined, { blockId: 'p6' }));
  });

  it('refuses deleting everything after select-all', () => {
    const state = demoState();
    expectRefused(state, state.tr.setSelection(new AllSelection(state.doc)).deleteSelection());
  });

  it('refuses a deletion that starts in a locked block and ends in a project', () => {
    const state = demoState();
    expectRefused(state, state.tr.delete(block(state.doc, 'p5intro').pos, entryPos(state.doc, 'p-wmk24-letswork') + 2));
  });

  it('refuses a slice that splits the project list around a locked block', () => {
    const state = demoState();
    const list = topLevelPos(state.doc, (node) => node.type.name === NODE.projectList);
    const content = Fragment.from([
      schema.nodes[NODE.projectList]!.create(),
      schema.nodes[NODE.templateBlock]!.create({ blockId: 'p6' }),
      schema.nodes[NODE.projectList]!.create(),
    ]);
    const tr = state.tr;
    expect(tr.maybeStep(new ReplaceStep(list.pos + 1, list.pos + 1, new Slice(content, 1, 1))).failed).toBeNull();
    expectRefused(state, tr);
  });

  it('refuses document attribute steps', () => {
    const state = demoState();
    const tr = state.tr;
    tr.step(new DocAttrStep('x', 1));
    expect(changesOnlyProjectList(tr)).toBe(false);
  });

  it('lets a remote change from y-sync through, because the server has judged it', () => {
    const state = demoState();
    const p4 = block(state.doc, 'p4');
    const tr = state.tr.delete(p4.pos, p4.pos + p4.node.nodeSize).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.apply(tr)).not.toBe(state);
  });
});

describe('editing the §5 project list', () => {
  it('allows typing and deleting inside a project', () => {
    let state = demoState();
    const pos = entryPos(state.doc, 'p-wmk24-gefl1') + 1;
    state = expectAllowed(state, state.tr.insertText('Neu: ', pos));
    state = expectAllowed(state, state.tr.delete(pos, pos + 5));
    expect(titles(state)[0]?.[1]).toContain('Geflüchtete I');
  });

  it('adds a project after the current one, with a fresh id', () => {
    let state = cursorIn(demoState(), 'p-wmk24-letswork');
    state = run(state, addProject(() => 'p-test-added'));
    state = expectAllowed(state, state.tr.insertText('Neues Projekt'));
    const entries = projects(state)[0]!.entries;
    expect(entries[3]).toEqual({ id: 'p-test-added', title: 'Neues Projekt' });
  });

  it('removes the current project', () => {
    const state = run(cursorIn(demoState(), 'p-wmk24-gefl2'), removeProject);
    expect(projects(state)[0]!.entries.map((e) => e.id)).not.toContain('p-wmk24-gefl2');
  });

  it('moves a project up and down, and across the group boundary', () => {
    let state = cursorIn(demoState(), 'p-wmk24-aktiv', 3);
    state = run(state, moveProject(-1));
    expect(projects(state)[0]!.entries[0]!.id).toBe('p-wmk24-aktiv');
    expect(state.selection.from).toBe(entryPos(state.doc, 'p-wmk24-aktiv') + 4);
    expect(moveProject(-1)(state)).toBe(false);
    state = cursorIn(state, 'p-wmk24-uebergang');
    state = run(state, moveProject(1));
    expect(projects(state)[1]!.entries.map((e) => e.id)).toEqual(['p-wmk24-uebergang', 'p-wmk24-strategie']);
    state = run(state, moveProject(-1));
    expect(projects(state)[0]!.entries.at(-1)!.id).toBe('p-wmk24-uebergang');
  });

  it('adds a Maßnahmenart in the official order and removes one', () => {
    let state = cursorIn(demoState(), 'p-wmk24-strategie');
    state = run(state, addMeasureGroup(1, () => 'p-test-group'));
    expect(projects(state).map((group) => group.measureType)).toEqual([1, 3, 4]);
    expect(addMeasureGroup(3)(state)).toBe(false);
    state = run(cursorIn(state, 'p-wmk24-strategie'), removeMeasureGroup);
    expect(projects(state).map((group) => group.measureType)).toEqual([1, 3]);
  });

  it('gives the second half of a split project a fresh id', () => {
    let state = cursorIn(demoState(), 'p-wmk24-gefl2', 'Geflüchtete'.length);
    state = run(state, splitProject());
    const entries = projects(state)[0]!.entries;
    expect(entries.map((e) => e.title).slice(4, 6)).toEqual(['Geflüchtete', ' II']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.every((e) => isEntryId(e.id))).toBe(true);
  });

  it('gives a pasted copy of a project a fresh id instead of its original one', () => {
    let state = demoState();
    const copy = schema.nodes[NODE.projectEntry]!.create({ id: 'p-wmk24-gefl1' }, schema.text('Kopie'));
    state = state.apply(state.tr.insert(entryPos(state.doc, 'p-wmk24-strategie'), copy));
    const ids = projects(state).flatMap((group) => group.entries.map((e) => e.id));
    expect(ids.filter((id) => id === 'p-wmk24-gefl1')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('allows emptying the whole list', () => {
    const state = demoState();
    const list = topLevelPos(state.doc, (node) => node.type.name === NODE.projectList);
    const next = expectAllowed(state, state.tr.delete(list.pos + 1, list.pos + list.node.nodeSize - 1));
    expect(projects(next)).toEqual([]);
  });
});

describe('the server’s rules for entries, kept in the editor', () => {
  it('refuses typing past the longest allowed project title, so the server never has to disconnect', () => {
    let state = demoState();
    const pos = entryPos(state.doc, 'p-wmk24-gefl1') + 1;
    const room = MAX_ENTRY_LENGTH - 'Geflüchtete I'.length;
    state = expectAllowed(state, state.tr.insertText('x'.repeat(room), pos));
    const tooLong = state.tr.insertText('y', pos);
    expect(changesOnlyProjectList(tooLong)).toBe(true);
    expect(state.apply(tooLong)).toBe(state);
  });

  it('refuses a line break or a bidi override inside a project title', () => {
    const state = demoState();
    const pos = entryPos(state.doc, 'p-wmk24-gefl1') + 1;
    for (const text of ['a\nb', 'a\u2028b', '\u202Eabc']) expect(state.apply(state.tr.insertText(text, pos))).toBe(state);
  });

  it('turns control characters in pasted text into spaces', () => {
    const state = demoState();
    const plugin = state.plugins.find((p) => p.props.transformPasted);
    const slice = new Slice(Fragment.from(schema.text('Projekt\u2028mit\u202EUmbruch')), 0, 0);
    const cleaned = plugin?.props.transformPasted?.call(plugin, slice, undefined as never, false);
    expect(cleaned?.content.textBetween(0, cleaned.content.size)).toBe('Projekt mit Umbruch');
  });
});
