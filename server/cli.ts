import { resolve } from 'node:path';
import type { FieldChange } from '../shared/accounts/types.js';
import { assignmentProblem, emailProblem, usernameProblem } from '../shared/accounts/validate.js';
import { isRole } from '../shared/roles.js';
import { hashPassword } from './auth/password.js';
import { passwordProblem } from './auth/passwordPolicy.js';
import { SqliteStore } from './store/sqlite.js';

/**
 * Creates or updates a user in the store, for the very first admin of an empty store (and for
 * whoever has shell access when no admin can log in any more):
 *   npm run user -- add <username> --name "Vor Nachname" --role ministry-editor --admin --email a@b.de
 *   npm run user -- add <username> --name "Vor Nachname" --role district-editor --district fulda
 * The password is read from the environment variable USER_PASSWORD (so it does not end up in the
 * shell history). Roles: ministry-editor, ministry-signatory, district-editor, district-signatory,
 * viewer. Everything else about accounts happens on the Benutzer page. Each run is an audit event
 * by "cli".
 */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const [command, username, ...rest] = process.argv.slice(2);
if (command !== 'add' || !username) {
  refuse('Aufruf: npm run user -- add <benutzername> --name "Name" --role <rolle> [--district <id>] [--email <adresse>] [--admin] (Passwort in USER_PASSWORD)');
}
const role = option(rest, 'role');
const districtId = option(rest, 'district') ?? null;
const displayName = option(rest, 'name') ?? username;
const email = option(rest, 'email') ?? null;
const admin = rest.includes('--admin');
const password = process.env.USER_PASSWORD ?? '';
if (!isRole(role)) refuse(`Unbekannte Rolle: ${String(role)}`);
const problem = usernameProblem(username) ?? assignmentProblem(role, districtId, admin) ?? emailProblem(email) ?? passwordProblem(password, username);
if (problem) refuse(`${problem}${password === '' ? ' (USER_PASSWORD ist nicht gesetzt.)' : ''}`);

const store = new SqliteStore(resolve(process.env.DATA_DIR ?? './data'));
try {
  const at = Date.now();
  const passwordHash = await hashPassword(password);
  const existing = await store.getUser(username);
  if (existing) {
    const fields = { displayName, role, districtId, ...(email === null ? {} : { email }), ...(admin ? { admin } : {}) };
    const changes = (Object.keys(fields) as (keyof typeof fields)[]).flatMap((field): FieldChange[] =>
      existing[field] === fields[field] ? [] : [{ field, from: existing[field] ?? null, to: fields[field] ?? null }],
    );
    const events = [{ actor: 'cli', target: username, kind: 'changed' as const, changes }, { actor: 'cli', target: username, kind: 'password-changed' as const }];
    const outcome = await store.users.update(username, { fields: { ...fields, active: true }, password: { hash: passwordHash, mustChange: false }, endSessions: { except: null }, events: changes.length > 0 ? events : events.slice(1), at });
    if (!outcome.ok) refuse(`Nicht gespeichert: ${outcome.reason}`);
  } else {
    const user = { username, displayName, role, districtId, email, admin, active: true, mustChangePassword: false, color: option(rest, 'color') ?? '#334155', passwordHash, createdAt: at, updatedAt: at };
    const changes: FieldChange[] = (['displayName', 'email', 'role', 'districtId', 'admin'] as const).map((field) => ({ field, from: null, to: user[field] }));
    await store.users.create(user, { actor: 'cli', target: username, kind: 'created', changes });
  }
  process.stdout.write(`Benutzer ${username} (${role}${admin ? ', Benutzerverwaltung' : ''}) gespeichert.\n`);
} finally {
  await store.close();
}
