import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One chunk of Vite's build manifest (dist/client/.vite/manifest.json), keyed by its source. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/**
 * Pages whose code the client loads on demand (the agreement page: client/src/pages/AgreementRoute.tsx),
 * by the paths that show them.
 * Without a hint the browser learns of the page's chunks only once the main script has run and
 * /api/session has answered; with one it fetches them while the main script still loads.
 */
const LAZY_PAGES: { path: RegExp; source: string }[] = [{ path: /^\/vereinbarungen\/[^/]+\/?$/, source: 'src/pages/AgreementPage.tsx' }];

/** The chunk and everything it imports, depth first, each once. */
function chunkClosure(manifest: Manifest, key: string, seen: Set<string>): ManifestChunk[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [chunk, ...(chunk.imports ?? []).flatMap((imported) => chunkClosure(manifest, imported, seen))];
}

/** `<link>` tags for one page: its scripts as module preloads, its styles as preloads (Vite inserts the stylesheet itself). */
function hintsFor(manifest: Manifest, source: string): string {
  const entry = manifest['index.html'];
  // What the main script already loads needs no hint.
  const loaded = new Set<string>();
  if (entry) chunkClosure(manifest, 'index.html', loaded);
  const chunks = chunkClosure(manifest, source, loaded);
  const scripts = chunks.map((chunk) => `<link rel="modulepreload" crossorigin href="/${chunk.file}">`);
  const styles = chunks.flatMap((chunk) => chunk.css ?? []).map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`);
  return [...scripts, ...styles].join('');
}

/**
 * index.html for a path: the built page, with preload hints for the lazily loaded page the path
 * shows. Without a manifest (an older build, a test's static folder) the page is served as built.
 */
export function pageHints(staticDir: string): (index: string, path: string) => string {
  const manifestFile = join(staticDir, '.vite', 'manifest.json');
  const manifest: Manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : {};
  const hints = LAZY_PAGES.map(({ path, source }) => ({ path, tags: manifest[source] ? hintsFor(manifest, source) : '' }));
  return (index, path) => {
    const tags = hints.find((hint) => hint.path.test(path))?.tags;
    return tags ? index.replace('</head>', `${tags}</head>`) : index;
  };
}
