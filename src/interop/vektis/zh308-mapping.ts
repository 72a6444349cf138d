/**
 * How a claim line of the product (`CLAIM_FIELDS`, the CSV columns) sits in a ZH308 v9.0 file, and
 * the values the product writes where the standard asks for something the product does not keep.
 * Every such value is a named decision: the ZH308 reader never reads it back into a claim.
 */
import type { ClaimField } from '../../domain/claims/claim-line.js';

/** 0102 Code externe-integratiebericht: 101 = Declaratie DBC/ziekenhuiszorg. */
export const ZH308_MESSAGE_CODE = '101';
/** 0103/0104: version 9.0, no subversion. */
export const ZH308_VERSION = '09';
export const ZH308_SUBVERSION = '00';
/** 0119 Valutacode: amounts in euro cents. */
export const ZH308_CURRENCY = 'EUR';

/** Fixed values the reader checks in the voorlooprecord. */
export const ZH308_FIXED_VALUES: Readonly<Record<string, string>> = { '0102': ZH308_MESSAGE_CODE, '0103': ZH308_VERSION, '0119': ZH308_CURRENCY };

/** Indicatie debet/credit fields (COD043: D = zero or positive, C = negative). */
export const ZH308_DEBIT_CREDIT_FIELDS: readonly string[] = ['0457', '0618', '0621', '1619', '9910'];

/**
 * Where each claim field comes from in a ZH308 file (and where the writer puts it):
 * - `claim_id`: 0458 Referentienummer dit prestatierecord (AN 20): the provider's unique reference
 *   of the claim line. Claim ids longer than 20 characters cannot be written as ZH308.
 * - `uzovi`: 0404 UZOVI-nummer (equal to 0204 of the verzekerdenrecord above it).
 * - `agb`: 0440 Instellingscode of the prestatierecord; when it is zeros, 0112 Instellingscode of
 *   the voorlooprecord (the declaring institution).
 * - `bsn`: 0403 Burgerservicenummer (equal to 0203 of the verzekerdenrecord above it).
 * - `care_type`: 0427 Zorgtypecode (11 initial subtraject, 21 follow-up).
 * - `specialism`: 0439 Zorgverlenersspecificatie behandelaar (the declaring specialism, 4 digits).
 * - `diagnosis`: 0431 Diagnosecode, from diagnosecodelijst 028 (DBC typeringslijst) named in 0430.
 * - `product_code`: 0414 Zorgproductcode (9 digits).
 * - `start_date`, `end_date`: 0411 Begindatum and 0412 Einddatum prestatie (CCYYMMDD).
 * - `amount_cents`: the sum of 0620 Declaratiebedrag (incl. BTW, in cents) of the tariefrecord(s) 06
 *   of the prestatie, each signed by its 0621 Indicatie debet/credit (02).
 * - `zi_number`: 0448 Zorgactiviteitcode. Decision: an add-on drug line carries the drug's ZI number
 *   there (the product keeps no table of NZa zorgactiviteitcodes for add-on drugs).
 * - `units`: 0426 Aantal uitgevoerde prestaties (N 4) of an add-on line. Decision: units that are
 *   not a whole number from 1 to 9999 are written as 0000 with a commentaarrecord 98 on the
 *   prestatierecord whose text is `EENHEDEN=<units>` (the standard's way to carry extra text about a
 *   detail record); the reader takes the units from that comment when present.
 */
export const ZH308_CLAIM_FIELDS: Readonly<Record<ClaimField, string>> = {
  claim_id: '0458',
  uzovi: '0404',
  agb: '0440',
  bsn: '0403',
  care_type: '0427',
  specialism: '0439',
  diagnosis: '0431',
  product_code: '0414',
  start_date: '0411',
  end_date: '0412',
  amount_cents: '0620',
  zi_number: '0448',
  units: '0426',
};

/** Decision: the commentaarrecord text that carries the units of an add-on line (see `ZH308_CLAIM_FIELDS`). */
export const UNITS_COMMENT_PREFIX = 'EENHEDEN=';
/** Largest units 0426 holds itself. */
export const MAX_UNITS_IN_COUNT = 9999;

/** 0409/0606 Aanduiding prestatiecodelijst: 041 = instellingen met DBC-zorgproducten. */
export const PRESTATION_CODE_LIST = '041';
/** 0430 Aanduiding diagnosecodelijst (01): 028 = DBC typeringslijst. */
export const DIAGNOSIS_CODE_LIST = '028';

/**
 * Decision: 0410 Prestatiecode/DBC declaratiecode (AN 6, mandatory). The product keeps no table
 * from zorgproductcode to the NZa declaratiecode, so it writes the last six digits of the
 * zorgproductcode; the reader takes the care product from 0414 only.
 */
export function declarationCodeFor(productCode: string): string {
  return productCode.slice(-6);
}

/**
 * Decisions for mandatory fields the product does not keep (data minimisation: no birth dates,
 * names or gender of insured persons). The reader ignores them.
 */
export const NOT_KEPT = {
  /** 0207/0408 Datum geboorte verzekerde: 1900-01-01 stands for "not kept". */
  birthDate: '1900-01-01',
  /** 0208 Code geslacht (COD046): 0 = onbekend. */
  gender: '0',
  /** 0209 Naamcode/naamgebruik (01): 1 = eigen naam. */
  nameUse: '1',
  /** 0210 Naam verzekerde (01). */
  name: 'ONBEKEND',
  /** 0215 Voorletters verzekerde. */
  initials: 'X',
  /** 0223 Indicatie cliënt overleden: 2 = niet overleden (assumed code). */
  deceased: '2',
  /** 0421 Code (zelf)verwijzer: 00 = not kept (assumed; no code of COD327 is known to the product). */
  referrer: '00',
  /** 0436 Code herdeclaratie: 00 = no re-declaration (assumed). */
  redeclaration: '00',
} as const;

/** 0113 Identificatiecode betaling aan: 04 = the institution of 0112 (the order of rubrieken 0109-0112; assumed). */
export const PAYMENT_TO_INSTITUTION = '04';
/** 0105 Soort bericht (COD856): P = productie, T = test (assumed codes). */
export const MESSAGE_KIND_PRODUCTION = 'P';
/** 0407 Doorsturen toegestaan: 1 = allowed (the standard's default). */
export const FORWARDING_ALLOWED = '1';
/** 0611 Soort prestatie/tarief: 01 = the tariff of the prestatie itself (assumed code). */
export const TARIFF_KIND = '01';
/** 0615 Verrekenpercentage (NNNNN, two decimals): 100.00 %. */
export const FULL_PERCENTAGE = '10000';
/** Largest amount 0620 (N 8) holds, in cents. */
export const MAX_RECORD_AMOUNT_CENTS = 99_999_999;
