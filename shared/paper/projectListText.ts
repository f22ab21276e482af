import { LAYOUT_CONTROL, MAX_ENTRIES } from '../editor/entryRules.js';
import { MAX_ENTRY_LENGTH } from '../editor/nodes.js';
import { MEASURE_TYPES, MEASURE_TYPE_NUMBERS, type MeasureType } from '../measureTypes.js';

/** One project read from a pasted §5 list, before it has an id. */
export interface PastedGroup {
  measureType: MeasureType;
  titles: string[];
}

export interface LineProblem {
  /** 1-based, as an editor shows it. */
  line: number;
  message: string;
}

export type PastedListResult = { ok: true; groups: PastedGroup[]; projects: number } | { ok: false; problems: LineProblem[] };

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The Maßnahmenart a heading line names, or null for a project line: „Maßnahmenart 3" (with or
 * without its title after it), or the printed title, in full or its first words, optionally
 * numbered („3. Qualifizierungsprojekte …"). A numbered line whose title is no heading is a project.
 */
function headingOf(line: string): MeasureType | null {
  const plain = normalise(line).replace(/:$/, '');
  const named = /^ma(?:ß|ss)nahmenart\s*([1-4])(?:$|[\s.:–-])/.exec(plain);
  if (named) return Number(named[1]) as MeasureType;
  const numbered = /^([1-4])[.)]?\s+(.*)$/.exec(plain);
  const rest = numbered?.[2] ?? plain;
  const found = MEASURE_TYPE_NUMBERS.find((n) => {
    const title = normalise(MEASURE_TYPES[n]);
    return title === rest || (rest.length >= 12 && title.startsWith(rest));
  });
  if (found === undefined) return null;
  return numbered && Number(numbered[1]) !== found ? null : found;
}

/** Bullets and numbering as pasted from a PDF or a word processor. */
const BULLET = /^(?:[-–—•·*▪◦]\s*|\d{1,3}[.)]\s+)/;

/**
 * Reads the §5 list of an agreement signed on paper, as the ministry pastes it: each
 * Maßnahmenart heading on a line of its own (its printed title, or „Maßnahmenart 3"), then one
 * project per line, bullets optional. Blank lines are ignored. Every line that cannot be taken
 * gets a German message with its number, so that the form can show all of them at once.
 */
export function parsePastedProjectList(text: string): PastedListResult {
  const groups: PastedGroup[] = [];
  const problems: LineProblem[] = [];
  let current: PastedGroup | null = null;
  let projects = 0;
  text.replace(/\r\n?/g, '\n').split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/\t/g, ' ').trim();
    if (trimmed === '') return;
    const heading = headingOf(trimmed);
    if (heading !== null) {
      if (groups.some((group) => group.measureType === heading)) {
        problems.push({ line, message: `Zeile ${line}: Die Maßnahmenart ${heading} steht schon weiter oben; bitte jede Maßnahmenart nur einmal.` });
        current = null;
        return;
      }
      current = { measureType: heading, titles: [] };
      groups.push(current);
      return;
    }
    const title = trimmed.replace(BULLET, '').trim();
    if (current === null) {
      problems.push({ line, message: `Zeile ${line}: „${title.slice(0, 40)}" steht unter keiner Maßnahmenart. Bitte die Überschrift der Maßnahmenart darüber setzen.` });
      return;
    }
    if (title === '') {
      problems.push({ line, message: `Zeile ${line}: Hier steht nur ein Aufzählungszeichen ohne Projekt.` });
      return;
    }
    if (title.length > MAX_ENTRY_LENGTH) {
      problems.push({ line, message: `Zeile ${line}: Der Projekttitel ist länger als ${MAX_ENTRY_LENGTH} Zeichen.` });
      return;
    }
    if (LAYOUT_CONTROL.test(title)) {
      problems.push({ line, message: `Zeile ${line}: Der Projekttitel enthält unzulässige Steuerzeichen.` });
      return;
    }
    current.titles.push(title);
    projects++;
  });
  if (projects > MAX_ENTRIES) problems.push({ line: 0, message: `Die Liste hat mehr als ${MAX_ENTRIES} Projekte.` });
  const empty = groups.find((group) => group.titles.length === 0);
  if (problems.length === 0 && empty) problems.push({ line: 0, message: `Unter der Maßnahmenart ${empty.measureType} steht kein Projekt.` });
  if (problems.length === 0 && projects === 0) problems.push({ line: 0, message: 'Bitte fügen Sie die Projektliste aus § 5 ein: die Maßnahmenart als Überschrift, darunter ein Projekt pro Zeile.' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, groups, projects };
}
