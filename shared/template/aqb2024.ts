import { formatEuro } from '../format.js';
import type { AgreementFields } from '../fields.js';
import type { Ministry, Piece, PieceKind, Template } from './types.js';

/** "der Landkreis X" → "Der Landkreis X" at the start of a sentence. */
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const piece = (kind: PieceKind, text: string): Piece => ({ kind, runs: [{ text }] });
const text = (s: string) => piece('text', s);

const MINISTRY_2024: Ministry = {
  name: 'Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales',
  abbreviation: 'HMSI',
  nominative: 'das Hessische Ministerium für Arbeit, Integration, Jugend und Soziales',
  genitive: 'des Hessischen Ministeriums für Arbeit, Integration, Jugend und Soziales',
  dative: 'dem Hessischen Ministerium für Arbeit, Integration, Jugend und Soziales',
  seat: 'Wiesbaden',
};

/**
 * The ministry's 2024 template for the Zielvereinbarung zum Ausbildungs- und
 * Qualifizierungsbudget. Immutable once an agreement uses it: next year's text is a new version.
 */
export const AQB_2024: Template = {
  version: 'aqb-2024',
  ministry: MINISTRY_2024,
  blocks: {
    title: (f: AgreementFields, m: Ministry) => [
      piece('letterhead', 'ARBEITSWELT\nHESSEN\ninnovativ · sozial · nachhaltig'),
      piece('title', 'Zielvereinbarung'),
      piece('titleLine', String(f.year)),
      piece('titleLine', 'zwischen'),
      piece('titleLine', m.dative),
      piece('titleLine', `und ${f.partner.dative}`),
      piece('titleLine', 'zur Umsetzung des hessischen Ausbildungs- und Qualifizierungsbudgets'),
    ],
    praeambel: (f, m) => [
      piece('heading', 'Präambel'),
      text(
        `Erfolgreiche Arbeitsmarktpolitik bindet die regionalen Akteure des Arbeitsmarktes in eine gemeinsame, auf die Zukunftsanforderungen fokussierte Strategie ein. Dafür will ${m.nominative} (${m.abbreviation}) regionale Handlungs- und Entscheidungsspielräume eröffnen und vereinbart dazu Ziele mit den Kreisen und kreisfreien Städten. Bei allen Maßnahmen und Angeboten, die über das Ausbildungs- und Qualifizierungsbudget umgesetzt werden, orientiert sich das ${m.abbreviation} an den landespolitischen Zielsetzungen der Arbeitsmarktpolitik, dem „Bündnis für Ausbildung für die Jahre 2020 bis 2024“, dem Fachkonzept „Arbeitswelt Hessen“ des ${m.abbreviation} sowie an der regionalen Arbeitsmarkt- und Ausbildungsstrategie ${f.partner.genitive}. Die Maßnahmen sind grundsätzlich genderadäquat, ohne Altersbegrenzungen und inklusiv angelegt und überdies den Leitlinien der UN-Behindertenrechtskonvention verpflichtet.`,
      ),
    ],
    p1: (f, m) => [
      piece('sectionNumber', '§ 1'),
      piece('heading', 'Ausbildungs- und Qualifizierungsbudget'),
      piece('subheading', 'Ziele des Landes'),
      text(
        `Das ${m.abbreviation} verfolgt mit dem Ausbildungs- und Qualifizierungsbudget ${f.year} das Ziel, die Ausbildungsfähigkeit von benachteiligten Menschen zu steigern, ihre Beschäftigungsfähigkeit zu sichern, ihnen Ausbildungsabschlüsse zu ermöglichen und sie durch längerfristige, flexible und arbeitsmarktnahe Qualifizierung zu einer eigenständigen Existenzsicherung zu befähigen. Querschnittsorientierte Handlungsansätze des Budgets bieten den regional interagierenden Akteuren des Arbeitsmarktes die Vielfalt, berufliche und qualifikatorische Angebote für möglichst individuelle Bedarfslagen von verschiedensten Zielgruppen anzubieten. Menschen mit ihren jeweiligen Bedürfnissen und Herausforderungen ernst zu nehmen und bei ihrem Weg in Ausbildung und Beschäftigung zu unterstützen, betrachtet das ${m.abbreviation} als zentralen Baustein für eine erfolgversprechende und nachhaltige Integration in unsere Gesellschaft.`,
      ),
      text(
        `Bei der Erreichung dieses Ziels setzt das ${m.abbreviation} auf einen rechtskreisübergreifenden Förderansatz in den hessischen Kreisen und kreisfreien Städten. Nur wenn die einzelnen Rechtskreise SGB II, III, VIII, XII und AsylbLG sinnvoll zusammenwirken, alle Zielgruppen – inklusive der sog. Stillen Reserve – und weitere regionale Akteure aus Arbeitsmarkt und Wirtschaft potenziell einbezogen sind, können Unterstützungsstrukturen geschaffen werden, die ein selbstbestimmtes Leben auch in herausfordernden Lebenslagen ermöglichen.`,
      ),
      text(
        `Dem Land Hessen ist es wichtig, Menschen mit familiensorgenden Tätigkeiten einen vollqualifizierenden Berufsabschluss zu ermöglichen. Daher werden spezifisch Mittel für Maßnahmen zur Ermöglichung von Teilzeitausbildungen bereitgestellt. Über die im Rahmen des ESF Hessen geförderte „Servicestelle Teilzeit-Ausbildung“ unterstützt das ${m.abbreviation} die Zusammenarbeit aller regionalen Akteure am Übergang Schule-Beruf.`,
      ),
      text(
        'Schwerpunkte im Ausbildungs- und Qualifizierungsbudget sind Maßnahmen zur Ausbildungs- und Qualifizierungsvorbereitung, zu Ausbildung und Ausbildungscoaching in anerkannten Ausbildungsberufen, Qualifizierungsprojekte zur Arbeitsmarktintegration und Fachkräftesicherung sowie Weiterbildungen des Fachpersonals der Gebietskörperschaften mit Teilnehmendenbezug.',
      ),
    ],
    p2: (f, m) => [
      piece('sectionNumber', '§ 2'),
      piece('heading', 'Verpflichtungen der Vereinbarungspartner'),
      text(
        `${upper(m.nominative)} und ${f.partner.nominative} setzen die ihnen zur Verfügung stehenden Kompetenzen dafür ein, dass die in § 5 vereinbarten Ziele erreicht werden. Die Entscheidung über den Mitteleinsatz erfolgt im Kontext der von ${f.partner.dative} bereits erarbeiteten und regelmäßig zu aktualisierenden regionalen Ausbildungs- und Arbeitsmarktstrategie, die mit den regionalen Akteuren der Rechtskreise SGB II, III, VIII, XII und AsylbLG, der Wirtschaft und – für den Bereich des Übergangs von der Schule in den Beruf – mit den regionalen OloV-Steuerungsgruppen abgestimmt ist.`,
      ),
      text(
        `Im Jahr ${f.year} werden erneut Landesmittel für spezifische Sprachförderangebote und Qualifizierungen im Rahmen des AQB zur Verfügung gestellt. Die geförderten Angebote sind durch eine hohe Individualität und Vielfalt gekennzeichnet.`,
      ),
    ],
    p3: (_f, m) => [
      piece('sectionNumber', '§ 3'),
      piece('heading', 'Umsetzung der UN-Behindertenrechtskonvention'),
      text(
        `Die Integration in das Erwerbsleben stellt aus der Sicht ${m.genitive} eine der vordringlichsten Maßnahmen zur Förderung der Teilhabe von Menschen mit Behinderungen dar. Auch angesichts der demografischen Entwicklung und eines damit verbundenen aktuellen und zukünftigen Fachkräftemangels kommt der nachhaltigen Förderung von Maßnahmen zur Integration von Menschen mit Behinderungen in den Arbeitsprozess eine große Bedeutung zu.`,
      ),
    ],
    p4: (f, m) => [
      piece('sectionNumber', '§ 4'),
      piece('heading', 'Haushaltsmittel und Eckdaten'),
      text(`Das ${m.abbreviation} stellt ${f.partner.dative} im Jahr ${f.year} Haushaltsmittel in Höhe von insgesamt`),
      piece('amount', formatEuro(f.amountCents)),
      text(`aus dem Ausbildungs- und Qualifizierungsbudget ${f.year} zur Verfügung.`),
    ],
    p5intro: (f) => [
      piece('sectionNumber', '§ 5'),
      piece('heading', `Ziele für die Umsetzung ${f.partner.genitive}`),
      {
        kind: 'text',
        runs: [
          { text: `${upper(f.partner.nominative)} finanziert mit den Mitteln des ` },
          { text: `Ausbildungs- und Qualifizierungsbudgets ${f.year}`, bold: true },
          { text: ' in den jeweiligen Maßnahmenarten folgende Projekte:' },
        ],
      },
    ],
    p5closing: (f) => [
      text(
        `Die Förderung der aufgeführten Maßnahmen erfolgt auf Basis und nach Maßgabe des – nach Antragstellung durch ${f.partner.accusative} vom ${f.grantingAuthority} erlassenen – Bescheides.`,
      ),
    ],
    p6: (f, m) => [
      piece('sectionNumber', '§ 6'),
      piece('heading', 'Zielsteuerung'),
      text(
        `${upper(f.partner.nominative)} und das ${m.abbreviation} bleiben über die Entwicklung des Budgets ${f.year} im engen Austausch. Dazu wird unter anderem eine Umsetzungsbesprechung im Herbst angesetzt.`,
      ),
      text(
        'Unterjährige Abweichungen von den in § 4 genannten Haushaltsmitteln und Eckdaten werden bei der Beurteilung der Zielerreichung berücksichtigt.',
      ),
    ],
    p7: (f, m) => [
      piece('sectionNumber', '§ 7'),
      piece('heading', 'Kontinuierlicher Verbesserungsprozess'),
      text(
        `${upper(f.partner.nominative)} beteiligt sich an Umfragen und Tagungen des ${m.abbreviation} mit dem Ziel, Erfahrungen auszutauschen, gute Praxis zu identifizieren und neue Impulse für die regionale Arbeitsmarkt- und Ausbildungspolitik zu setzen.`,
      ),
      text(`Die Zielvereinbarungen werden auf dem Internetportal des ${m.abbreviation} „Arbeitswelt Hessen“ veröffentlicht.`),
    ],
  },
};
