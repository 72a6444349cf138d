/**
 * The record layout of Vektis EI standard ZH308 version 9.0 (Declaratie DBC/ziekenhuiszorg, code
 * EI-bericht 101), transcribed from the standard's specification sheet (BER): per record type the
 * data elements with their number (rubriek), name, type, length, end position and obligation.
 * Start positions follow from end and length. Every record is 610 characters.
 *
 * Types: `N` numeric (right-aligned, zero-padded), `AN` alphanumeric (left-aligned, space-padded),
 * `D` a date CCYYMMDD (the standard's type N with pattern EEJJMMDD). Obligation (verplichting):
 * `M` mandatory, `C` conditional, `O` optional, `S` reserve (spaces).
 *
 * `zh308-layout.test.ts` checks this transcription field by field against the published sheet
 * (as TSV in `../shared/reference/`) when that file is present. Pure data.
 */

import { fieldEndingAt, fieldLabel, type FixedField } from './fixed-width.js';

export const ZH308_RECORD_LENGTH = 610;
export const ZH308_RECORD_TYPES = ['01', '02', '04', '06', '16', '98', '99'] as const;
export type Zh308RecordType = (typeof ZH308_RECORD_TYPES)[number];
export type Zh308Field = FixedField;

export interface Zh308RecordLayout {
  type: Zh308RecordType;
  name: string;
  fields: readonly Zh308Field[];
}

const f = fieldEndingAt;

function record(type: Zh308RecordType, name: string, fields: Zh308Field[]): Zh308RecordLayout {
  return { type, name, fields };
}

export const ZH308_LAYOUT: Readonly<Record<Zh308RecordType, Zh308RecordLayout>> = {
  '01': record('01', 'Voorlooprecord', [
    f('0101', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('0102', 'Code externe-integratiebericht', 'N', 3, 5, 'M'),
    f('0103', 'Versienummer berichtstandaard', 'N', 2, 7, 'M'),
    f('0104', 'Subversienummer berichtstandaard', 'N', 2, 9, 'C'),
    f('0105', 'Soort bericht', 'AN', 1, 10, 'M'),
    f('0106', 'Code informatiesysteem softwareleverancier', 'N', 6, 16, 'O'),
    f('0107', 'Versieaanduiding informatiesysteem softwareleverancier', 'AN', 10, 26, 'C'),
    f('0108', 'UZOVI-nummer', 'N', 4, 30, 'C'),
    f('0109', 'Code servicebureau', 'N', 8, 38, 'C'),
    f('0110', 'Zorgverlenerscode', 'N', 8, 46, 'C'),
    f('0111', 'Praktijkcode', 'N', 8, 54, 'C'),
    f('0112', 'Instellingscode', 'N', 8, 62, 'C'),
    f('0113', 'Identificatiecode betaling aan', 'N', 2, 64, 'M'),
    f('0114', 'Begindatum declaratieperiode', 'D', 8, 72, 'M'),
    f('0115', 'Einddatum declaratieperiode', 'D', 8, 80, 'M'),
    f('0116', 'Factuurnummer declarant', 'AN', 12, 92, 'M'),
    f('0117', 'Dagtekening factuur', 'D', 8, 100, 'M'),
    f('0118', 'BTW-identificatienummer', 'AN', 14, 114, 'C'),
    f('0119', 'Valutacode', 'AN', 3, 117, 'M'),
    f('0180', 'Reserve', 'AN', 493, 610, 'S'),
  ]),
  '02': record('02', 'Verzekerdenrecord', [
    f('0201', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('0202', 'Identificatie detailrecord', 'N', 12, 14, 'M'),
    f('0203', 'Burgerservicenummer (BSN) verzekerde', 'N', 9, 23, 'M'),
    f('0204', 'UZOVI-nummer', 'N', 4, 27, 'M'),
    f('0205', 'Verzekerdennummer (inschrijvingsnummer, relatienummer)', 'AN', 15, 42, 'C'),
    f('0206', 'Patient(identificatie)nummer', 'AN', 11, 53, 'O'),
    f('0207', 'Datum geboorte verzekerde', 'D', 8, 61, 'M'),
    f('0208', 'Code geslacht verzekerde', 'N', 1, 62, 'M'),
    f('0209', 'Naamcode/naamgebruik (01)', 'N', 1, 63, 'M'),
    f('0210', 'Naam verzekerde (01)', 'AN', 25, 88, 'M'),
    f('0211', 'Voorvoegsel verzekerde (01)', 'AN', 10, 98, 'C'),
    f('0212', 'Naamcode/naamgebruik (02)', 'N', 1, 99, 'C'),
    f('0213', 'Naam verzekerde (02)', 'AN', 25, 124, 'C'),
    f('0214', 'Voorvoegsel verzekerde (02)', 'AN', 10, 134, 'C'),
    f('0215', 'Voorletters verzekerde', 'AN', 6, 140, 'M'),
    f('0216', 'Naamcode/naamgebruik (03)', 'N', 1, 141, 'C'),
    f('0217', 'Postcode (huisadres) verzekerde', 'AN', 6, 147, 'C'),
    f('0218', 'Postcode buitenland', 'AN', 9, 156, 'C'),
    f('0219', 'Huisnummer (huisadres) verzekerde', 'N', 5, 161, 'C'),
    f('0220', 'Huisnummertoevoeging (huisadres) verzekerde', 'AN', 6, 167, 'C'),
    f('0221', 'Code land verzekerde', 'AN', 2, 169, 'C'),
    f('0222', 'Debiteurnummer', 'AN', 11, 180, 'C'),
    f('0223', 'Indicatie client overleden', 'N', 1, 181, 'M'),
    f('0280', 'Reserve', 'AN', 429, 610, 'S'),
  ]),
  '04': record('04', 'Prestatierecord', [
    f('0401', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('0402', 'Identificatie detailrecord', 'N', 12, 14, 'M'),
    f('0403', 'Burgerservicenummer (BSN) verzekerde', 'N', 9, 23, 'M'),
    f('0404', 'UZOVI-nummer', 'N', 4, 27, 'M'),
    f('0405', 'Verzekerdennummer (inschrijvingsnummer, relatienummer)', 'AN', 15, 42, 'C'),
    f('0406', 'Machtigingsnummer', 'AN', 15, 57, 'C'),
    f('0407', 'Doorsturen toegestaan', 'N', 1, 58, 'M'),
    f('0408', 'Datum geboorte verzekerde', 'D', 8, 66, 'M'),
    f('0409', 'Aanduiding prestatiecodelijst', 'N', 3, 69, 'M'),
    f('0410', 'Prestatiecode/DBC declaratiecode', 'AN', 6, 75, 'M'),
    f('0411', 'Begindatum prestatie', 'D', 8, 83, 'M'),
    f('0412', 'Einddatum prestatie', 'D', 8, 91, 'M'),
    f('0413', 'Prestatievolgnummer', 'N', 2, 93, 'M'),
    f('0414', 'Zorgproductcode', 'AN', 9, 102, 'C'),
    f('0415', 'Zorgtrajectnummer', 'AN', 15, 117, 'C'),
    f('0416', 'Begindatum zorgtraject', 'D', 8, 125, 'C'),
    f('0417', 'Einddatum zorgtraject', 'D', 8, 133, 'C'),
    f('0418', 'Afsluitreden zorgtraject/subtraject', 'AN', 2, 135, 'C'),
    f('0419', 'Subtrajectnummer', 'AN', 15, 150, 'C'),
    f('0420', 'Verwijsdatum', 'D', 8, 158, 'C'),
    f('0421', 'Code (zelf)verwijzer', 'N', 2, 160, 'M'),
    f('0422', 'Zorgverlenerscode voorschrijver/verwijzer', 'N', 8, 168, 'C'),
    f('0423', 'Specialisme voorschrijver/verwijzer', 'N', 4, 172, 'C'),
    f('0424', 'Instellingscode of praktijkcode voorschrijver/verwijzer', 'N', 8, 180, 'C'),
    f('0425', 'Verwijzend zorgtrajectnummer', 'AN', 15, 195, 'C'),
    f('0426', 'Aantal uitgevoerde prestaties', 'N', 4, 199, 'M'),
    f('0427', 'Zorgtypecode', 'AN', 6, 205, 'C'),
    f('0428', 'Soort zorgvraag', 'N', 1, 206, 'C'),
    f('0429', 'Zorgvraagcode', 'AN', 3, 209, 'C'),
    f('0430', 'Aanduiding diagnosecodelijst(01)', 'N', 3, 212, 'C'),
    f('0431', 'Diagnosecode', 'AN', 7, 219, 'C'),
    f('0432', 'Aanduiding diagnosecodelijst (02)', 'N', 3, 222, 'C'),
    f('0433', 'Primaire medische diagnose (ICD-10)', 'AN', 7, 229, 'C'),
    f('0434', 'Indicatie aanspraak zorgverzekeringswet toegepast', 'AN', 1, 230, 'C'),
    f('0435', 'Toelichting prestatie', 'N', 3, 233, 'C'),
    f('0436', 'Code herdeclaratie', 'N', 2, 235, 'M'),
    f('0437', 'Indicatie machtiging', 'AN', 1, 236, 'C'),
    f('0438', 'Indicatie producttyperende oranje verrichting in het profiel', 'AN', 1, 237, 'C'),
    f('0439', 'Zorgverlenersspecificatie behandelaar/uitvoerder (subberoepsgroep)', 'N', 4, 241, 'C'),
    f('0440', 'Instellingscode', 'N', 8, 249, 'C'),
    f('0441', 'Hashtotaal ZV', 'AN', 200, 449, 'C'),
    f('0442', 'Hashversie ZV', 'AN', 12, 461, 'C'),
    f('0443', 'Certificaatversie hash', 'AN', 12, 473, 'C'),
    f('0444', 'Grouperidentificatie', 'AN', 3, 476, 'C'),
    f('0445', 'Grouperversie', 'AN', 12, 488, 'C'),
    f('0446', 'Tabelsetversie grouper', 'AN', 20, 508, 'C'),
    f('0447', 'Grouperwerkomgeving', 'AN', 1, 509, 'C'),
    f('0448', 'Zorgactiviteitcode', 'AN', 10, 519, 'C'),
    f('0449', 'Zorgactiviteitnummer', 'AN', 15, 534, 'C'),
    f('0450', 'Zorgpadcode', 'N', 2, 536, 'C'),
    f('0451', 'Aanduiding diagnosecodelijst', 'N', 3, 539, 'C'),
    f('0452', 'Verwijsdiagnosecode paramedische hulp', 'N', 8, 547, 'C'),
    f('0453', 'Code soort indicatie paramedische hulp', 'N', 3, 550, 'C'),
    f('0454', 'Indicatie tweede operatie zelfde aandoening paramedische hulp', 'AN', 1, 551, 'C'),
    f('0455', 'Reden einde zorg', 'N', 2, 553, 'C'),
    f('0456', 'Indicatie ongeval (ongevalsgevolg)', 'AN', 1, 554, 'C'),
    f('0457', 'Indicatie debet/credit', 'AN', 1, 555, 'M'),
    f('0458', 'Referentienummer dit prestatierecord', 'AN', 20, 575, 'M'),
    f('0459', 'Referentienummer voorgaande gerelateerde prestatierecord', 'AN', 20, 595, 'C'),
    f('0480', 'Reserve', 'AN', 15, 610, 'S'),
  ]),
  '06': record('06', 'Tariefrecord', [
    f('0601', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('0602', 'Identificatie detailrecord', 'N', 12, 14, 'M'),
    f('0603', 'Burgerservicenummer (BSN) verzekerde', 'N', 9, 23, 'M'),
    f('0604', 'UZOVI-nummer', 'N', 4, 27, 'M'),
    f('0605', 'Verzekerdennummer (inschrijvingsnummer, relatienummer)', 'AN', 15, 42, 'C'),
    f('0606', 'Aanduiding prestatiecodelijst (01)', 'N', 3, 45, 'M'),
    f('0607', 'Aanduiding prestatiecodelijst (02)', 'N', 3, 48, 'C'),
    f('0608', 'Prestatiecode/DBC declaratiecode', 'AN', 6, 54, 'M'),
    f('0609', 'Begindatum prestatie', 'D', 8, 62, 'M'),
    f('0610', 'Prestatievolgnummer', 'N', 2, 64, 'M'),
    f('0611', 'Soort prestatie/tarief', 'N', 2, 66, 'M'),
    f('0612', 'Zorgverlenerscode behandelaar/uitvoerder', 'N', 8, 74, 'C'),
    f('0613', 'Zorgverlenersspecificatie behandelaar/uitvoerder (subberoepsgroep)', 'N', 4, 78, 'C'),
    f('0614', 'Tarief prestatie (incl. BTW)', 'N', 8, 86, 'C'),
    f('0615', 'Verrekenpercentage', 'N', 5, 91, 'M'),
    f('0616', 'Soort toeslag', 'N', 2, 93, 'C'),
    f('0617', 'Berekend bedrag (incl. BTW)', 'N', 8, 101, 'C'),
    f('0618', 'Indicatie debet/credit (01)', 'AN', 1, 102, 'M'),
    f('0619', 'BTW-percentage declaratiebedrag', 'N', 4, 106, 'C'),
    f('0620', 'Declaratiebedrag (incl. BTW)', 'N', 8, 114, 'C'),
    f('0621', 'Indicatie debet/credit (02)', 'AN', 1, 115, 'M'),
    f('0622', 'Referentienummer dit tariefrecord', 'AN', 20, 135, 'M'),
    f('0623', 'Referentienummer voorgaande gerelateerde tariefrecord', 'AN', 20, 155, 'C'),
    f('0680', 'Reserve', 'AN', 455, 610, 'S'),
  ]),
  '16': record('16', 'Zorgactiviteitrecord', [
    f('1601', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('1602', 'Identificatie detailrecord', 'N', 12, 14, 'M'),
    f('1603', 'Burgerservicenummer (BSN) verzekerde', 'N', 9, 23, 'M'),
    f('1604', 'UZOVI-nummer', 'N', 4, 27, 'M'),
    f('1605', 'Verzekerdennummer (inschrijvingsnummer, relatienummer)', 'AN', 15, 42, 'C'),
    f('1606', 'Aanduiding prestatiecodelijst (01)', 'N', 3, 45, 'M'),
    f('1607', 'Prestatiecode/DBC declaratiecode', 'AN', 6, 51, 'M'),
    f('1608', 'Begindatum prestatie', 'D', 8, 59, 'M'),
    f('1609', 'Prestatievolgnummer', 'N', 2, 61, 'M'),
    f('1610', 'Zorgactiviteitnummer', 'AN', 15, 76, 'M'),
    f('1611', 'Zorgactiviteitcode', 'AN', 10, 86, 'M'),
    f('1612', 'Begindatum zorgactiviteit', 'D', 8, 94, 'M'),
    f('1613', 'Einddatum zorgactiviteit', 'D', 8, 102, 'M'),
    f('1614', 'Aantal uitgevoerde prestaties', 'N', 4, 106, 'M'),
    f('1615', 'Code soort declaratie-informatie', 'N', 2, 108, 'C'),
    f('1616', 'Afwijkende instellingscode zorgactiviteit', 'N', 8, 116, 'C'),
    f('1617', 'Zorgverlenerscode behandelaar/uitvoerder', 'N', 8, 124, 'C'),
    f('1618', 'Zorgverlenersspecificatie behandelaar/uitvoerder (subberoepsgroep)', 'N', 4, 128, 'C'),
    f('1619', 'Indicatie debet/credit', 'AN', 1, 129, 'M'),
    f('1620', 'Referentienummer dit zorgactiviteitrecord', 'AN', 20, 149, 'M'),
    f('1621', 'Referentienummer voorgaande gerelateerde zorgactiviteitrecord', 'AN', 20, 169, 'C'),
    f('1680', 'Reserve', 'AN', 441, 610, 'S'),
  ]),
  '98': record('98', 'Commentaarrecord', [
    f('9801', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('9802', 'Identificatie detailrecord', 'N', 12, 14, 'M'),
    f('9803', 'Regelnummer vrije tekst', 'N', 4, 18, 'M'),
    f('9804', 'Vrije tekst', 'AN', 140, 158, 'M'),
    f('9880', 'Reserve', 'AN', 452, 610, 'S'),
  ]),
  '99': record('99', 'Sluitrecord', [
    f('9901', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('9902', 'Aantal verzekerdenrecords', 'N', 6, 8, 'M'),
    f('9903', 'Aantal debiteurrecords', 'N', 6, 14, 'C'),
    f('9904', 'Aantal prestatierecords', 'N', 6, 20, 'M'),
    f('9905', 'Aantal tariefrecords', 'N', 6, 26, 'M'),
    f('9906', 'Aantal zorgactiviteitrecords', 'N', 6, 32, 'C'),
    f('9907', 'Aantal commentaarrecords', 'N', 6, 38, 'C'),
    f('9908', 'Totaal aantal detailrecords', 'N', 7, 45, 'M'),
    f('9909', 'Totaal declaratiebedrag', 'N', 11, 56, 'C'),
    f('9910', 'Indicatie debet/credit', 'AN', 1, 57, 'M'),
    f('9980', 'Reserve', 'AN', 553, 610, 'S'),
  ]),
};

const BY_NUMBER = new Map(Object.values(ZH308_LAYOUT).flatMap((r) => r.fields.map((field) => [field.number, field] as const)));

/** The field with this rubriek number; an unknown number is a bug in the caller. */
export function zh308Field(number: string): Zh308Field {
  const field = BY_NUMBER.get(number);
  if (!field) throw new Error(`ZH308 has no field ${number}`);
  return field;
}

export function isZh308RecordType(value: string): value is Zh308RecordType {
  return (ZH308_RECORD_TYPES as readonly string[]).includes(value);
}

/** How a field is named in messages: `0410 Prestatiecode/DBC declaratiecode (pos 70-75)`. */
export function zh308FieldLabel(number: string): string {
  return fieldLabel(zh308Field(number));
}
