/**
 * Return codes of the ZH308 reader, one per kind of problem, in the series of the claim-line codes
 * (`ZK-1xx` in `src/domain/claims/claim-line.ts`, `ZK-301` unknown provider), and how any product
 * code is written in the 4-position return-code fields of a ZH309 answer.
 */

export const ZH308_RETURN_CODES = {
  'ZK-201': 'Lengte record is onjuist (610 posities)',
  'ZK-202': 'Kenmerk record ontbreekt of is onjuist (onbekend recordtype)',
  'ZK-203': 'Verplicht veld is leeg',
  'ZK-204': 'Numeriek veld bevat andere tekens dan cijfers',
  'ZK-205': 'Datum is geen bestaande datum EEJJMMDD',
  'ZK-206': 'Indicatie debet/credit is niet D of C',
  'ZK-207': 'Reserve bevat andere tekens dan spaties',
  'ZK-208': 'Vaste waarde onjuist (code EI-bericht, versie, valuta)',
  'ZK-209': 'Record staat niet op zijn plaats in het bestand',
  'ZK-210': 'Sleutel wijkt af van het bovenliggende record',
  'ZK-211': 'Aantal records in het sluitrecord klopt niet',
  'ZK-212': 'Totaal declaratiebedrag in het sluitrecord klopt niet',
  'ZK-213': 'Voorlooprecord of sluitrecord ontbreekt',
  'ZK-214': 'Tariefrecord bij het prestatierecord ontbreekt',
  'ZK-215': 'Indicatie debet/credit van het prestatierecord strijdig met het tariefrecord',
  'ZK-216': 'Bovenliggend verzekerdenrecord is afgekeurd',
  'ZK-217': 'Identificatie detailrecord is niet opvolgend',
} as const;
export type Zh308ReturnCode = keyof typeof ZH308_RETURN_CODES;

/** The codes by the kind of problem, for the readers and checkers. */
export const RECORD_CODES = {
  length: 'ZK-201',
  recordType: 'ZK-202',
  mandatory: 'ZK-203',
  numeric: 'ZK-204',
  date: 'ZK-205',
  debitCredit: 'ZK-206',
  reserve: 'ZK-207',
  fixedValue: 'ZK-208',
  order: 'ZK-209',
  key: 'ZK-210',
  trailerCount: 'ZK-211',
  trailerTotal: 'ZK-212',
  missingRecord: 'ZK-213',
  tariffMissing: 'ZK-214',
  debitCreditConflict: 'ZK-215',
  parentRejected: 'ZK-216',
  detailId: 'ZK-217',
} as const satisfies Record<string, Zh308ReturnCode>;

/** Vektis retourcode (COD954) 8001 "Declaratie is volledig toegewezen": the code of an accepted record in a ZH309 answer. */
export const ACCEPTED_RETURN_CODE = '8001';

/**
 * Decision: a ZH309 return-code field has 4 positions (as the Vektis codes of COD954, which are
 * numeric); a product code `ZK-nnn` is written as `Znnn`, so it never reads as a Vektis code. A
 * code of 4 characters (a Vektis code) is written as it is; anything else as `Z999`.
 */
export const UNMAPPED_RETURN_CODE = 'Z999';

export function zh309ReturnCode(code: string): string {
  const product = /^ZK-([0-9]{3})$/.exec(code);
  if (product) return `Z${product[1]}`;
  return /^[0-9A-Z]{4}$/.test(code) ? code : UNMAPPED_RETURN_CODE;
}
