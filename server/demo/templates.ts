import * as Y from 'yjs';
import { AQB_2025_CONTENT, MINISTRY_2025 } from '../../shared/template/aqb2025.js';
import { TemplateVersionExists, type TemplateStore } from '../store/templateTypes.js';
import { seedTemplateDoc } from '../templates/draftDoc.js';
import { canonicalPublication } from '../templates/publication.js';

/** The demo's 2025 version, which its 2025 round uses, and a draft for 2026 to try editing. */
export const DEMO_TEMPLATE_2025 = 'aqb-2025';
export const DEMO_TEMPLATE_DRAFT = 'aqb-2026-entwurf';

/**
 * Publishes aqb-2025 (the 2024 text with the sentences a ministry changes for 2025,
 * shared/template/aqb2025.ts) and opens the draft aqb-2026-entwurf copied from it. aqb-2024 is in
 * every store already (migration 006). A version that exists is left as it is.
 */
export async function seedDemoTemplates(store: TemplateStore, at: number): Promise<void> {
  const published = canonicalPublication(DEMO_TEMPLATE_2025, MINISTRY_2025, AQB_2025_CONTENT);
  await ignoreExisting(() =>
    store.insertPublished(
      { version: DEMO_TEMPLATE_2025, label: 'AQB 2025', basedOn: 'aqb-2024', ministry: published.ministry, createdBy: 'hmsi-referat', createdAt: at },
      { ...published, publishedBy: 'hmsi-referat', publishedAt: at },
    ),
  );
  const doc = seedTemplateDoc(published.content, 'draft');
  try {
    await ignoreExisting(() =>
      store.createDraft(
        { version: DEMO_TEMPLATE_DRAFT, label: 'AQB 2026 (Entwurf)', basedOn: DEMO_TEMPLATE_2025, ministry: published.ministry, createdBy: 'hmsi-referat', createdAt: at },
        Y.encodeStateAsUpdate(doc),
      ),
    );
  } finally {
    doc.destroy();
  }
}

async function ignoreExisting(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error: unknown) {
    if (!(error instanceof TemplateVersionExists)) throw error;
  }
}
