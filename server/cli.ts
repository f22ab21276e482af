import { resolve } from 'node:path';
import { findDistrict } from '../shared/districts.js';
import { isRole } from '../shared/roles.js';
import { hashPassword } from './auth/password.js';
import { SqliteStore } from './store/sqlite.js';

/**
 * Creates or updates a user in the store:
 *   npm run user -- add <username> --name "Vor Nachname" --role district-editor --district fulda
 * The password is read from the environment variable USER_PASSWORD (so it does not end up in the
 * shell history). Roles: ministry-editor, ministry-signatory, district-editor, district-signatory, viewer.
 */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const [command, username, ...rest] = process.argv.slice(2);
if (command !== 'add' || !username) {
  process.stderr.write('Aufruf: npm run user -- add <benutzername> --name "Name" --role <rolle> [--district <id>] (Passwort in USER_PASSWORD)\n');
  process.exit(2);
}
const role = option(rest, 'role');
const districtId = option(rest, 'district') ?? null;
const displayName = option(rest, 'name') ?? username;
const password = process.env.USER_PASSWORD;
if (!isRole(role)) throw new Error(`unknown role: ${String(role)}`);
if (districtId !== null && !findDistrict(districtId)) throw new Error(`unknown district: ${districtId}`);
if (role.startsWith('ministry') && districtId !== null) throw new Error('ministry roles belong to no district');
if (role.startsWith('district') && districtId === null) throw new Error('district roles need --district');
if (!password || password.length < 12) throw new Error('USER_PASSWORD must be set and at least 12 characters long');

const store = new SqliteStore(resolve(process.env.DATA_DIR ?? './data'));
await store.putUser({ username, displayName, role, districtId, color: option(rest, 'color') ?? '#334155', passwordHash: await hashPassword(password), createdAt: Date.now() });
store.close();
process.stdout.write(`Benutzer ${username} (${role}) gespeichert.\n`);
