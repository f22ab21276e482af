import { DISTRICTS, districtLabel, type District } from '../districts.js';
import { formatEuro, parseEuro } from '../format.js';

/**
 * The ministry's allocation table („Kreis;Betrag"), pasted from Excel or imported as CSV, read into
 * one amount per partner. Pure: the „Neue Runde" form shows the result as a preview, and nothing is
 * created from it until the ministry confirms.
 */

export interface AllocationRow {
  /** Line of the input (1-based) the row starts on. */
  line: number;
  districtId: string;
  amountCents: number;
}

export interface AllocationMessage {
  line: number;
  /** „Zeile 4: „Landkreis Atlantis“ ist kein Partner des AQB." */
  message: string;
}

export interface AllocationTable {
  /** Readable rows, each partner once (a later duplicate is reported, not taken). */
  rows: AllocationRow[];
  messages: AllocationMessage[];
  /** Sum of the readable rows in cents. */
  sumCents: number;
}

const normalize = (name: string) =>
  name
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** How the ministry writes a partner: with or without its type word, as the table or the letterhead has it. */
function spellingsOf(district: District): string[] {
  const { name } = district;
  if (district.kind === 'kreisfreie-stadt') {
    const short = name.replace(/ am Main$/, '');
    const prefixes = ['', 'stadt ', 'kreisfreie stadt ', 'landeshauptstadt ', 'wissenschaftsstadt ', 'documenta-stadt '];
    return [...new Set([name, short])].flatMap((form) => prefixes.map((prefix) => prefix + form));
  }
  return ['', 'landkreis ', 'kreis ', 'lk '].map((prefix) => prefix + name);
}

const SPELLINGS: ReadonlyMap<string, readonly District[]> = (() => {
  const map = new Map<string, District[]>();
  for (const district of DISTRICTS) {
    for (const spelling of spellingsOf(district)) {
      const key = normalize(spelling);
      const found = map.get(key) ?? [];
      if (!found.includes(district)) found.push(district);
      map.set(key, found);
    }
  }
  return map;
})();

/** The partner's name with its type word, as the preview names it: „Landkreis Kassel", „Stadt Kassel". */
export function partnerLabel(district: District): string {
  return districtLabel(district);
}

/** One partner for a written name, or all that the name could mean (bare „Kassel": Landkreis or Stadt). */
export function matchDistrictName(written: string): readonly District[] {
  return SPELLINGS.get(normalize(written)) ?? [];
}

/** Splits the text into records of fields: `;` (or the tab of a paste from Excel), quotes with `""`. */
function records(text: string): { line: number; fields: string[] }[] {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const separator = !firstLine.includes(';') && firstLine.includes('\t') ? '\t' : ';';
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((value) => value.trim() !== '')) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      endRecord();
      start = ++line;
    } else if (char !== '\r') field += char;
  }
  endRecord();
  return out;
}

const HEADER_NAME = /^(kreis|partner|landkreis|kreis\/stadt|gebietskoerperschaft|name|zuwendungsempfaenger)/;
const HEADER_AMOUNT = /^(betrag|summe|budget|zuweisung|mittel|euro|aqb)/;

/** Cents for what the table says („462.800,00", „462.800 €", „€ 1.234,56", „-5.000"), or null. */
function amountOf(written: string): { cents: number; negative: boolean } | null {
  const text = written.trim().replace(/^(€|EUR)\s*/i, '');
  const negative = /^[-−–]/.test(text);
  const cents = parseEuro(negative ? text.slice(1) : text);
  return cents === null ? null : { cents, negative };
}

/** Reads the table; every line it cannot take gets one German message naming the line. */
export function parseAllocationCsv(input: string): AllocationTable {
  const text = input.replace(/^\uFEFF/, '');
  const rows: AllocationRow[] = [];
  const messages: AllocationMessage[] = [];
  const seen = new Map<string, number>();
  const say = (line: number, message: string) => messages.push({ line, message: `Zeile ${line}: ${message}` });

  records(text).forEach(({ line, fields }, index) => {
    const [rawName = '', rawAmount = '', ...rest] = fields;
    const name = rawName.trim().replace(/\s+/g, ' ');
    const amountText = rawAmount.trim();
    if (index === 0 && HEADER_NAME.test(normalize(name)) && HEADER_AMOUNT.test(normalize(amountText))) return;
    if (rest.some((value) => value.trim() !== '')) return say(line, `Erwartet werden zwei Spalten (Kreis;Betrag), die Zeile hat ${fields.length}.`);
    if (name === '') return say(line, 'Der Name des Partners fehlt.');
    const matches = matchDistrictName(name);
    const district = matches[0];
    if (!district) return say(line, `„${name}“ ist kein Partner des AQB.`);
    if (matches.length > 1) return say(line, `„${name}“ ist nicht eindeutig: ${matches.map(partnerLabel).join(' oder ')}?`);
    const label = partnerLabel(district);
    if (amountText === '') return say(line, `Für „${name}“ fehlt der Betrag.`);
    const amount = amountOf(amountText);
    if (!amount) return say(line, `„${amountText}“ ist kein Betrag in Euro (Beispiel: 462.800,00).`);
    if (amount.negative && amount.cents > 0) return say(line, `Der Betrag für „${name}“ ist negativ (-${formatEuro(amount.cents)}).`);
    if (amount.cents === 0) return say(line, `Der Betrag für „${name}“ ist 0 Euro.`);
    const earlier = seen.get(district.id);
    if (earlier !== undefined) return say(line, `${label} steht schon in Zeile ${earlier}; diese Zeile wird nicht übernommen.`);
    seen.set(district.id, line);
    rows.push({ line, districtId: district.id, amountCents: amount.cents });
  });

  return { rows, messages, sumCents: rows.reduce((sum, row) => sum + row.amountCents, 0) };
}
