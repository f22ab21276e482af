import { findDistrict, grantingAuthorityOf, partnerFormsOf, type District } from '../../shared/districts.js';
import type { ProjectListModel } from '../../shared/editor/body.js';
import type { AgreementFields } from '../../shared/fields.js';

export interface AgreementSeed {
  districtId: string;
  year: number;
  templateVersion: string;
  fields: AgreementFields;
  projects: ProjectListModel;
}

function district(id: string): District {
  const found = findDistrict(id);
  if (!found) throw new Error(`demo refers to unknown district ${id}`);
  return found;
}

export const MINISTRY_SIGNATORY_2024 = {
  place: 'Wiesbaden',
  name: 'Heike Hofmann',
  functionLines: ['Staatsministerin', 'Hessisches Ministerium', 'für Arbeit, Integration,', 'Jugend und Soziales'],
};

const wmk = district('werra-meissner-kreis');

/**
 * The published 2024 agreement with the Werra-Meißner-Kreis, word for word. The published list
 * breaks "Aktiv in den Job (Junge-Mütter-Projekt)" over two bullets; it is one project.
 */
export const WERRA_MEISSNER_2024: AgreementSeed = {
  districtId: wmk.id,
  year: 2024,
  templateVersion: 'aqb-2024',
  fields: {
    year: 2024,
    amountCents: 462_800_00,
    grantingAuthority: grantingAuthorityOf(wmk),
    partner: partnerFormsOf(wmk),
    ministrySignatory: { ...MINISTRY_SIGNATORY_2024, date: '', signatureMark: 'Heike Hofmann' },
    districtSignatory: {
      place: wmk.seat,
      date: '2024-07-23',
      signatureMark: '',
      name: 'Nicole Rathgeber',
      functionLines: ['Landrätin des Landkreises', 'Werra-Meißner-Kreis'],
    },
  },
  projects: [
    {
      measureType: 3,
      entries: [
        { id: 'p-wmk24-dreiplus', title: 'DREIplus - Wiedererlangung der Erwerbsfähigkeit' },
        { id: 'p-wmk24-aktiv', title: '"Aktiv in den Job (Junge-Mütter-Projekt)"' },
        { id: 'p-wmk24-letswork', title: "Let's work" },
        { id: 'p-wmk24-gefl1', title: 'Geflüchtete I' },
        { id: 'p-wmk24-gefl2', title: 'Geflüchtete II' },
        { id: 'p-wmk24-uebergang', title: 'Übergangsmanagement' },
      ],
    },
    { measureType: 4, entries: [{ id: 'p-wmk24-strategie', title: 'Strategieentwicklung' }] },
  ],
};

const fulda = district('fulda');

/** A second district's draft, to show that districts see only their own agreements. */
export const FULDA_2024: AgreementSeed = {
  districtId: fulda.id,
  year: 2024,
  templateVersion: 'aqb-2024',
  fields: {
    year: 2024,
    amountCents: 398_500_00,
    grantingAuthority: grantingAuthorityOf(fulda),
    partner: partnerFormsOf(fulda),
    ministrySignatory: { ...MINISTRY_SIGNATORY_2024, date: '', signatureMark: '' },
    districtSignatory: {
      place: fulda.seat,
      date: '',
      signatureMark: '',
      name: 'Bernd Woide',
      functionLines: ['Landrat des Landkreises', 'Fulda'],
    },
  },
  projects: [
    { measureType: 1, entries: [{ id: 'p-fd24-startklar', title: 'Startklar – Berufsorientierung mit Gesundheitsmodul' }] },
    { measureType: 2, entries: [{ id: 'p-fd24-teilzeit', title: 'Teilzeitausbildung mit Kinderbetreuung' }] },
  ],
};
