import type Database from 'better-sqlite3';
import type { AgreementRecord, PaperRecord, PaperStore, UpdateAuthor } from './types.js';

/**
 * The agreement, its release (the text the paper signatures cover), both signatures marked
 * `source = 'paper'` (migrations/004-paper.ts), the scan and the history events, all or none. The
 * sign-off tables are the ones of server/store/signoff.ts, which must have been opened first.
 */
export class SqlitePaperStore implements PaperStore {
  constructor(
    private readonly db: Database.Database,
    /** SqliteStore's insert of an agreement with its first update and event, inside this transaction. */
    private readonly insertAgreement: (record: AgreementRecord, initialUpdate: Uint8Array, author: UpdateAuthor) => void,
  ) {}

  async record(paper: PaperRecord): Promise<void> {
    const { db } = this;
    const { record, initialUpdate } = paper.agreement;
    const event = db.prepare('INSERT INTO events (agreement_id, kind, actor, data, created_at) VALUES (?, ?, ?, ?, ?)');
    const addEvent = (kind: string, data: Record<string, string>) => event.run(record.id, kind, paper.recordedBy, JSON.stringify(data), paper.at);
    db.transaction(() => {
      // Throws AgreementExists when the district has an agreement for the year.
      this.insertAgreement(record, initialUpdate, { username: paper.recordedBy, via: 'server' });
      addEvent('paper-recorded', { hash: paper.hash });
      const { lastInsertRowid } = db
        .prepare('INSERT INTO signoff_releases (agreement_id, hash, text, released_by, released_at) VALUES (?, ?, ?, ?, ?)')
        .run(record.id, paper.hash, paper.text, paper.recordedBy, paper.at);
      const sign = db.prepare(
        `INSERT INTO signoff_signatures (release_id, agreement_id, party, username, name, role, place, date, hash, signed_at, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'paper')`,
      );
      for (const s of paper.signatures) {
        sign.run(Number(lastInsertRowid), record.id, s.party, paper.recordedBy, s.name, s.role, s.place, s.date, paper.hash, paper.at);
        addEvent('signed', { party: s.party, name: s.name, place: s.place, date: s.date, hash: paper.hash, paper: 'ja' });
      }
      addEvent('final', { hash: paper.hash, paper: 'ja' });
      if (paper.scan) {
        db.prepare('INSERT INTO signoff_scans (agreement_id, filename, size, sha256, data, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          record.id,
          paper.scan.filename,
          paper.scan.data.byteLength,
          paper.scan.sha256,
          paper.scan.data,
          paper.recordedBy,
          paper.at,
        );
        addEvent('scan-uploaded', { filename: paper.scan.filename, sha256: paper.scan.sha256 });
      }
    })();
  }
}
