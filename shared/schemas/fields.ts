import * as v from 'valibot';
import { validateAmountCents } from '../fields.js';
import { parseEuro } from '../format.js';
import { germanRule } from './issues.js';
import { requestBody } from './requestBody.js';

/** Request bodies of the agreement fields (docs/api.md, "Agreements"). */

const NOT_AN_AMOUNT = 'Bitte einen Betrag in Euro angeben, z. B. 462.800.';
const NOTHING_TO_CHANGE = 'Bitte die zu ändernden Felder angeben.';

/** The §4 amount in cents: a whole number, more than 0 and plausible (validateAmountCents). */
export const AmountCentsSchema = v.pipe(v.number(NOT_AN_AMOUNT), germanRule<number>(validateAmountCents));

/** PATCH /api/agreements/:id/fields: the fields to change, at least one; only the amount so far. */
export const FieldsPatchSchema = v.pipe(
  requestBody({ amountCents: v.optional(AmountCentsSchema) }, NOTHING_TO_CHANGE, (key) => `Das Feld „${key}“ kann nicht geändert werden.`),
  v.check((patch) => Object.keys(patch).length > 0, NOTHING_TO_CHANGE),
);

export type FieldsPatch = v.InferOutput<typeof FieldsPatchSchema>;

/**
 * What a ministry editor types into the amount dialog ("462.800", "462.800,50 Euro"), as cents:
 * the same amount rule as the request, with a hint at the German format first.
 */
export const AmountInputSchema = v.pipe(
  v.string(),
  v.transform(parseEuro),
  v.number('Bitte einen Betrag in Euro angeben, z. B. 462.800 oder 462.800,50.'),
  germanRule<number>(validateAmountCents),
);
