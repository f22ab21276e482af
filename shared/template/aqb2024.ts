import { bold, piece, ph, section, t, templateDoc } from './build.js';
import type { TemplateNodeJSON } from './model.js';
import type { Ministry } from './types.js';

/**
 * The ministry's 2024 template for the Zielvereinbarung zum Ausbildungs- und
 * Qualifizierungsbudget, as data: the first published version. Migration 006 froze a copy of this
 * document into every store (server/store/migrations/006-templates.ts); the store's copy is the
 * one agreements use. This constant stays as the reference the fidelity test renders
 * (tests/unit/agreementText.test.ts) and as the client's fallback until it loads versions over the API.
 */
export const MINISTRY_2024: Ministry = {
  name: 'Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales',
  abbreviation: 'HMSI',
  nominative: 'das Hessische Ministerium für Arbeit, Integration, Jugend und Soziales',
  genitive: 'des Hessischen Ministeriums für Arbeit, Integration, Jugend und Soziales',
  dative: 'dem Hessischen Ministerium für Arbeit, Integration, Jugend und Soziales',
  seat: 'Wiesbaden',
};

const abbr = ph('ministryAbbreviation');
const year = ph('year');
const text = (...content: (string | TemplateNodeJSON | TemplateNodeJSON[])[]) => piece('text', ...content);

/** The title block and §§ 1–7 around the §5 project list; the 2025 version changes some sentences. */
export const AQB_2024_CONTENT: TemplateNodeJSON = templateDoc(
  section(
    'title',
    piece('letterhead', 'ARBEITSWELT\nHESSEN\ninnovativ · sozial · nachhaltig'),
    piece('title', 'Zielvereinbarung'),
    piece('titleLine', year),
    piece('titleLine', 'zwischen'),
    piece('titleLine', ph('ministryDative')),
    piece('titleLine', t`und ${ph('partnerDative')}`),
    piece('titleLine', 'zur Umsetzung des hessischen Ausbildungs- und Qualifizierungsbudgets'),
  ),
  section(
    'praeambel',
    piece('heading', 'Präambel'),
    text(
      t`Erfolgreiche Arbeitsmarktpolitik bindet die regionalen Akteure des Arbeitsmarktes in eine gemeinsame, auf die Zukunftsanforderungen fokussierte Strategie ein. Dafür will ${ph('ministryNominative')} (${abbr}) regionale Handlungs- und Entscheidungsspielräume eröffnen und vereinbart dazu Ziele mit den Kreisen und kreisfreien Städten. Bei allen Maßnahmen und Angeboten, die über das Ausbildungs- und Qualifizierungsbudget umgesetzt werden, orientiert sich das ${abbr} an den landespolitischen Zielsetzungen der Arbeitsmarktpolitik, dem „Bündnis für Ausbildung für die Jahre 2020 bis 2024“, dem Fachkonzept „Arbeitswelt Hessen“ des ${abbr} sowie an der regionalen Arbeitsmarkt- und Ausbildungsstrategie ${ph('partnerGenitive')}. Die Maßnahmen sind grundsätzlich genderadäquat, ohne Altersbegrenzungen und inklusiv angelegt und überdies den Leitlinien der UN-Behindertenrechtskonvention verpflichtet.`,
    ),
  ),
  section(
    'p1',
    piece('sectionNumber', '§ 1'),
    piece('heading', 'Ausbildungs- und Qualifizierungsbudget'),
    piece('subheading', 'Ziele des Landes'),
    text(
      t`Das ${abbr} verfolgt mit dem Ausbildungs- und Qualifizierungsbudget ${year} das Ziel, die Ausbildungsfähigkeit von benachteiligten Menschen zu steigern, ihre Beschäftigungsfähigkeit zu sichern, ihnen Ausbildungsabschlüsse zu ermöglichen und sie durch längerfristige, flexible und arbeitsmarktnahe Qualifizierung zu einer eigenständigen Existenzsicherung zu befähigen. Querschnittsorientierte Handlungsansätze des Budgets bieten den regional interagierenden Akteuren des Arbeitsmarktes die Vielfalt, berufliche und qualifikatorische Angebote für möglichst individuelle Bedarfslagen von verschiedensten Zielgruppen anzubieten. Menschen mit ihren jeweiligen Bedürfnissen und Herausforderungen ernst zu nehmen und bei ihrem Weg in Ausbildung und Beschäftigung zu unterstützen, betrachtet das ${abbr} als zentralen Baustein für eine erfolgversprechende und nachhaltige Integration in unsere Gesellschaft.`,
    ),
    text(
      t`Bei der Erreichung dieses Ziels setzt das ${abbr} auf einen rechtskreisübergreifenden Förderansatz in den hessischen Kreisen und kreisfreien Städten. Nur wenn die einzelnen Rechtskreise SGB II, III, VIII, XII und AsylbLG sinnvoll zusammenwirken, alle Zielgruppen – inklusive der sog. Stillen Reserve – und weitere regionale Akteure aus Arbeitsmarkt und Wirtschaft potenziell einbezogen sind, können Unterstützungsstrukturen geschaffen werden, die ein selbstbestimmtes Leben auch in herausfordernden Lebenslagen ermöglichen.`,
    ),
    text(
      t`Dem Land Hessen ist es wichtig, Menschen mit familiensorgenden Tätigkeiten einen vollqualifizierenden Berufsabschluss zu ermöglichen. Daher werden spezifisch Mittel für Maßnahmen zur Ermöglichung von Teilzeitausbildungen bereitgestellt. Über die im Rahmen des ESF Hessen geförderte „Servicestelle Teilzeit-Ausbildung“ unterstützt das ${abbr} die Zusammenarbeit aller regionalen Akteure am Übergang Schule-Beruf.`,
    ),
    text(
      'Schwerpunkte im Ausbildungs- und Qualifizierungsbudget sind Maßnahmen zur Ausbildungs- und Qualifizierungsvorbereitung, zu Ausbildung und Ausbildungscoaching in anerkannten Ausbildungsberufen, Qualifizierungsprojekte zur Arbeitsmarktintegration und Fachkräftesicherung sowie Weiterbildungen des Fachpersonals der Gebietskörperschaften mit Teilnehmendenbezug.',
    ),
  ),
  section(
    'p2',
    piece('sectionNumber', '§ 2'),
    piece('heading', 'Verpflichtungen der Vereinbarungspartner'),
    text(
      t`${ph('ministryNominative', true)} und ${ph('partnerNominative')} setzen die ihnen zur Verfügung stehenden Kompetenzen dafür ein, dass die in § 5 vereinbarten Ziele erreicht werden. Die Entscheidung über den Mitteleinsatz erfolgt im Kontext der von ${ph('partnerDative')} bereits erarbeiteten und regelmäßig zu aktualisierenden regionalen Ausbildungs- und Arbeitsmarktstrategie, die mit den regionalen Akteuren der Rechtskreise SGB II, III, VIII, XII und AsylbLG, der Wirtschaft und – für den Bereich des Übergangs von der Schule in den Beruf – mit den regionalen OloV-Steuerungsgruppen abgestimmt ist.`,
    ),
    text(
      t`Im Jahr ${year} werden erneut Landesmittel für spezifische Sprachförderangebote und Qualifizierungen im Rahmen des AQB zur Verfügung gestellt. Die geförderten Angebote sind durch eine hohe Individualität und Vielfalt gekennzeichnet.`,
    ),
  ),
  section(
    'p3',
    piece('sectionNumber', '§ 3'),
    piece('heading', 'Umsetzung der UN-Behindertenrechtskonvention'),
    text(
      t`Die Integration in das Erwerbsleben stellt aus der Sicht ${ph('ministryGenitive')} eine der vordringlichsten Maßnahmen zur Förderung der Teilhabe von Menschen mit Behinderungen dar. Auch angesichts der demografischen Entwicklung und eines damit verbundenen aktuellen und zukünftigen Fachkräftemangels kommt der nachhaltigen Förderung von Maßnahmen zur Integration von Menschen mit Behinderungen in den Arbeitsprozess eine große Bedeutung zu.`,
    ),
  ),
  section(
    'p4',
    piece('sectionNumber', '§ 4'),
    piece('heading', 'Haushaltsmittel und Eckdaten'),
    text(t`Das ${abbr} stellt ${ph('partnerDative')} im Jahr ${year} Haushaltsmittel in Höhe von insgesamt`),
    piece('amount', ph('amount')),
    text(t`aus dem Ausbildungs- und Qualifizierungsbudget ${year} zur Verfügung.`),
  ),
  section(
    'p5intro',
    piece('sectionNumber', '§ 5'),
    piece('heading', t`Ziele für die Umsetzung ${ph('partnerGenitive')}`),
    text(
      t`${ph('partnerNominative', true)} finanziert mit den Mitteln des ${bold('Ausbildungs- und Qualifizierungsbudgets ', year)} in den jeweiligen Maßnahmenarten folgende Projekte:`,
    ),
  ),
  section(
    'p5closing',
    text(
      t`Die Förderung der aufgeführten Maßnahmen erfolgt auf Basis und nach Maßgabe des – nach Antragstellung durch ${ph('partnerAccusative')} vom ${ph('grantingAuthority')} erlassenen – Bescheides.`,
    ),
  ),
  section(
    'p6',
    piece('sectionNumber', '§ 6'),
    piece('heading', 'Zielsteuerung'),
    text(
      t`${ph('partnerNominative', true)} und das ${abbr} bleiben über die Entwicklung des Budgets ${year} im engen Austausch. Dazu wird unter anderem eine Umsetzungsbesprechung im Herbst angesetzt.`,
    ),
    text('Unterjährige Abweichungen von den in § 4 genannten Haushaltsmitteln und Eckdaten werden bei der Beurteilung der Zielerreichung berücksichtigt.'),
  ),
  section(
    'p7',
    piece('sectionNumber', '§ 7'),
    piece('heading', 'Kontinuierlicher Verbesserungsprozess'),
    text(
      t`${ph('partnerNominative', true)} beteiligt sich an Umfragen und Tagungen des ${abbr} mit dem Ziel, Erfahrungen auszutauschen, gute Praxis zu identifizieren und neue Impulse für die regionale Arbeitsmarkt- und Ausbildungspolitik zu setzen.`,
    ),
    text(t`Die Zielvereinbarungen werden auf dem Internetportal des ${abbr} „Arbeitswelt Hessen“ veröffentlicht.`),
  ),
);
