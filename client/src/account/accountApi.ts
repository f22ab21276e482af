import type { AccountPatch, CurrentUser, PasswordChangeRequest } from '../../../shared/accounts/types.js';
import { request } from '../api.js';

/** „Mein Konto“: the signed-in user's own password and e-mail address. */
export const accountApi = {
  changePassword: (body: PasswordChangeRequest) => request<CurrentUser>('POST', '/api/account/password', body),
  changeEmail: (body: AccountPatch) => request<CurrentUser>('PATCH', '/api/account', body),
};
