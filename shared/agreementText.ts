import type { SigningParty } from './api.js';
import type { ProjectListModel } from './editor/body.js';
import type { AgreementFields, SignatoryBlock } from './fields.js';
import { formatDate } from './format.js';
import { MEASURE_TYPES } from './measureTypes.js';
import { fieldsAsSigned } from './signedBlocks.js';
import { BLOCKS_AFTER_LIST, BLOCKS_BEFORE_LIST, type BlockId, type Piece, type Template } from './template/types.js';

/** The printed lines of one locked block, as the template and the fields make them. */
export function renderBlock(template: Template, blockId: BlockId, fields: AgreementFields): Piece[] {
  return template.blocks[blockId](fields, template.ministry);
}

export function pieceText(piece: Piece): string {
  return piece.runs.map((run) => run.text).join('');
}

/** "Eschwege, den 23.07.2024" or, undated, "Wiesbaden, den". */
export function placeAndDate(block: SignatoryBlock): string {
  return block.date ? `${block.place}, den ${formatDate(block.date)}` : `${block.place}, den`;
}

function signatoryText(block: SignatoryBlock): string[] {
  return [placeAndDate(block), ...(block.signatureMark ? [block.signatureMark] : []), [block.name, ...block.functionLines].join('\n')];
}

function projectListText(groups: ProjectListModel): string[] {
  return groups.flatMap((group) => [
    MEASURE_TYPES[group.measureType],
    group.entries.map((entry) => `- ${entry.title}`).join('\n'),
  ]).filter((paragraph) => paragraph !== '');
}

/**
 * The agreement as plain text, as it would be printed: one paragraph per printed element,
 * separated by blank lines. It is the canonical text that a signature's hash is computed over.
 * `signed` names the parties whose signature exists (shared/signedBlocks.ts); the other blocks
 * print neither mark nor date, whatever their fields hold, so a draft never reads as signed.
 */
export function renderAgreementText(template: Template, agreementFields: AgreementFields, groups: ProjectListModel, signed: readonly SigningParty[] = []): string {
  const fields = fieldsAsSigned(agreementFields, signed);
  const blocks = (ids: readonly BlockId[]) => ids.flatMap((id) => renderBlock(template, id, fields).map(pieceText));
  const paragraphs = [
    ...blocks(BLOCKS_BEFORE_LIST),
    ...projectListText(groups),
    ...blocks(BLOCKS_AFTER_LIST),
    ...signatoryText(fields.ministrySignatory),
    ...signatoryText(fields.districtSignatory),
  ];
  return `${paragraphs.join('\n\n')}\n`;
}
