import { DISTRICTS, type District } from '../../shared/districts.js';
import type { CreateRoundRequest, SignatoryInput } from '../../shared/rounds/types.js';
import { FULDA_2024, MINISTRY_SIGNATORY_2024, WERRA_MEISSNER_2024 } from './agreements.js';
import { DEMO_TEMPLATE_2025 } from './templates.js';

/**
 * The demo's rounds (issue 10, „Demo data"): 2024 holds the published Werra-Meißner agreement,
 * recorded as signed on paper, and Fulda's; 2025 holds a draft for every one of the 26 partners,
 * §5 carried over where 2024 exists. Only the Werra-Meißner-Kreis's amount is published; every
 * other amount is invented, and the board says so with the round's note.
 */
export const DEMO_NOTE_2025 = 'Beträge außer Werra-Meißner-Kreis sind Demowerte.';

export const ROUND_2024 = { year: 2024, deadline: '2024-07-31' } as const;
export const ROUND_2025 = { year: 2025, deadline: '2025-07-31' } as const;

const ministry = (): SignatoryInput => ({ name: MINISTRY_SIGNATORY_2024.name, functionLines: [...MINISTRY_SIGNATORY_2024.functionLines], place: MINISTRY_SIGNATORY_2024.place });

/** Office holders change after elections and are not in code (shared/districts.ts): „N. N." stands for them. */
function placeholderSignatory(district: District): SignatoryInput {
  const functionLines =
    district.kind === 'kreisfreie-stadt' ? ['Oberbürgermeister/in', `der Stadt ${district.name}`] : ['Landrat/Landrätin des Landkreises', district.name];
  return { name: 'N. N.', functionLines, place: district.seat };
}

/** A demo amount between 250.000 and 600.000 € in steps of 500 €, the same on every start. */
function demoAmountCents(district: District): number {
  let h = 0;
  for (const char of district.id) h = (h * 31 + char.charCodeAt(0)) % 701;
  return (250_000 + h * 500) * 100;
}

const KNOWN_2024 = new Map([WERRA_MEISSNER_2024, FULDA_2024].map((seed) => [seed.districtId, seed]));

/** The 2025 round: all 26 partners, §5 carried over from 2024, signatories as in 2024 where known. */
export function round2025Request(): CreateRoundRequest {
  return {
    year: ROUND_2025.year,
    // The ministry's 2025 text (server/demo/templates.ts), published before the round starts.
    templateVersion: DEMO_TEMPLATE_2025,
    deadline: ROUND_2025.deadline,
    carryOver: 'previous',
    ministrySignatory: ministry(),
    agreements: DISTRICTS.map((district) => {
      const known = KNOWN_2024.get(district.id);
      const signatory = known
        ? { name: known.fields.districtSignatory.name, functionLines: [...known.fields.districtSignatory.functionLines], place: known.fields.districtSignatory.place }
        : placeholderSignatory(district);
      // The Werra-Meißner-Kreis keeps its published amount; every other is a demo value.
      const amountCents = district.id === WERRA_MEISSNER_2024.districtId ? WERRA_MEISSNER_2024.fields.amountCents : demoAmountCents(district);
      return { districtId: district.id, amountCents, signatory };
    }),
  };
}

/** The round record of 2024, which the demo creates with Fulda's agreement in it. */
export function round2024Record(at: number) {
  return {
    year: ROUND_2024.year,
    templateVersion: WERRA_MEISSNER_2024.templateVersion,
    deadline: ROUND_2024.deadline,
    carryOver: 'none' as const,
    ministrySignatory: ministry(),
    createdAt: at,
    createdBy: 'system',
  };
}
