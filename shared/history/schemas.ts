import * as v from 'valibot';
import { requestBody } from '../schemas/requestBody.js';
import { ANY_CONTROL } from '../text/controls.js';
import { VERSION_NAME_MAX } from './types.js';

/** Request bodies of the version history (docs/api.md, „Verlauf und Fassungen“). */

const NO_NAME = 'Bitte geben Sie der Fassung einen Namen.';

/** POST /api/agreements/:id/versions: the name of the version to keep (1–120 characters, trimmed). */
export const NewVersionRequestSchema = requestBody(
  {
    name: v.pipe(
      v.string(NO_NAME),
      v.trim(),
      v.nonEmpty(NO_NAME),
      v.maxLength(VERSION_NAME_MAX, `Der Name der Fassung darf höchstens ${VERSION_NAME_MAX} Zeichen lang sein.`),
      v.check((name) => !ANY_CONTROL.test(name), 'Der Name der Fassung enthält unzulässige Zeichen.'),
    ),
  },
  NO_NAME,
);

/** POST /api/agreements/:id/notices/seen: up to which event (all shown so far when left out). */
export const NoticesSeenRequestSchema = requestBody(
  { upToEventId: v.optional(v.pipe(v.number('Die Ereignisnummer muss eine Zahl sein.'), v.integer('Die Ereignisnummer muss eine ganze Zahl sein.'), v.minValue(0, 'Die Ereignisnummer darf nicht negativ sein.'))) },
  'Die Anfrage erwartet ein JSON-Objekt, höchstens mit „upToEventId“.',
);
