import * as v from 'valibot';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications/types.js';
import { requestBody } from './requestBody.js';

const INCOMPLETE = 'Die Anfrage ist unvollständig.';
const onOff = v.boolean('Bitte „an“ oder „aus“ angeben.');

/** PATCH /api/account/notifications: mail per kind and the digest; what is left out stays as it is. */
export const NotificationSettingsPatchSchema = requestBody(
  {
    mail: v.optional(
      requestBody(
        Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, v.optional(onOff)])) as Record<NotificationKind, v.OptionalSchema<typeof onOff, undefined>>,
        INCOMPLETE,
        (key) => `Die Benachrichtigungsart „${key}“ gibt es nicht.`,
      ),
    ),
    digest: v.optional(onOff),
  },
  INCOMPLETE,
);
