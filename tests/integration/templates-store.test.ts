import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite.js';
import { TemplateVersionExists } from '../../server/store/templateTypes.js';
import { AQB_2024_CONTENT, MINISTRY_2024 } from '../../shared/template/aqb2024.js';

/** The template store on a real SQLite file: aqb-2024 in every store, published rows immutable. */
describe('the template store', () => {
  const dirs: string[] = [];
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'vereinbar-templates-'));
    dirs.push(dir);
    return { dir, store: new SqliteStore(dir, { synchronous: 'OFF' }) };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('holds aqb-2024 as published in a new, empty store', async () => {
    const { store } = open();
    const version = await store.templates.get('aqb-2024');
    expect(version).toMatchObject({ state: 'published', label: 'AQB 2024', ministry: MINISTRY_2024, basedOn: null });
    expect(version?.sha256).toMatch(/^[0-9a-f]{64}$/);
    await store.close();
  });

  it('refuses to change or delete a published version, even in SQL', async () => {
    const { dir, store } = open();
    await store.close();
    const db = new Database(join(dir, 'vereinbar.sqlite'));
    expect(() => db.prepare(`UPDATE template_versions SET label = 'x' WHERE version = 'aqb-2024'`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM template_versions WHERE version = 'aqb-2024'`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`INSERT INTO template_doc_updates (version, seq, data, author, via, created_at) VALUES ('aqb-2024', 1, x'00', 'x', 'client', 1)`).run()).toThrow(/no updates/);
    db.close();
  });

  it('changes a draft until it is published, then never again', async () => {
    const { store } = open();
    const draft = { version: 'aqb-2026', label: 'AQB 2026', basedOn: 'aqb-2024', ministry: MINISTRY_2024, createdBy: 'hmsi-referat', createdAt: 5 };
    await store.templates.createDraft(draft, new Uint8Array([0, 0]));
    await expect(store.templates.createDraft(draft, new Uint8Array([0, 0]))).rejects.toBeInstanceOf(TemplateVersionExists);
    expect(await store.templates.updateDraft('aqb-2026', { label: 'AQB 2026 (neu)' })).toBe(true);
    const update = { version: 'aqb-2026', update: new Uint8Array([0, 0]), author: { username: 'hmsi-referat', via: 'server' as const }, at: 6 };
    await store.templates.publish('aqb-2026', { ministry: MINISTRY_2024, content: AQB_2024_CONTENT, sha256: 'a'.repeat(64), publishedBy: 'hmsi-referat', publishedAt: 6 }, update);
    expect(await store.templates.get('aqb-2026')).toMatchObject({ state: 'published', label: 'AQB 2026 (neu)', publishedBy: 'hmsi-referat', content: AQB_2024_CONTENT });
    expect(await store.templates.updateDraft('aqb-2026', { label: 'anders' })).toBe(false);
    expect(await store.templates.deleteDraft('aqb-2026')).toBe(false);
    await expect(store.templates.appendUpdates([update])).rejects.toThrow(/no updates/);
    expect((await store.templates.loadDocument('aqb-2026')).updates).toHaveLength(2);
    await store.close();
  });
});
