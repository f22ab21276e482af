#!/usr/bin/env node
/**
 * Fails on circular imports between our modules, `import type` included: import-x/no-cycle in
 * ESLint follows only value imports (a type cycle loads fine), but two modules that need each
 * other's types are still one module in two files, and the layers should read in one direction.
 *
 *   node scripts/import-cycles.mjs        (part of `npm run lint`)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['client', 'server', 'shared'];
// `import … from './x.js'`, `export … from './x.js'`, `import './x.js'`, `import('./x.js')`.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles() {
  return SOURCES.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
}

/** The file an import names: sources import the emitted `.js`, the file is `.ts` or `.tsx`. */
function target(from, specifier) {
  const path = resolve(dirname(from), specifier);
  const base = path.replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, path].find((candidate) => existsSync(candidate)) ?? null;
}

function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set();
    for (const match of text.matchAll(IMPORT)) {
      const found = target(file, match[1] ?? match[2] ?? match[3]);
      if (found) targets.add(found);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Tarjan's strongly connected components; every component with more than one file is a cycle. */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node), index.get(to)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const found = cycles(importGraph(sourceFiles()));
for (const component of found) {
  const names = component.map((file) => relative(ROOT, file)).sort();
  process.stderr.write(`import cycle: ${names.join(' <-> ')}\n`);
}
if (found.length > 0) {
  process.stderr.write(`${found.length} import cycle(s) (value or type imports); break them so that each layer reads in one direction\n`);
  process.exit(1);
}
