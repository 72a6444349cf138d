/**
 * Medical specialisms by Vektis specialism code (the 4-digit "specialismecode" of the DBC system),
 * limited to those the demo catalogue uses.
 */
export const SPECIALISMS = {
  '0301': 'Oogheelkunde',
  '0302': 'Keel-, neus- en oorheelkunde',
  '0303': 'Heelkunde',
  '0304': 'Plastische chirurgie',
  '0305': 'Orthopedie',
  '0306': 'Urologie',
  '0307': 'Obstetrie en gynaecologie',
  '0308': 'Neurochirurgie',
  '0310': 'Dermatologie',
  '0313': 'Interne geneeskunde',
  '0316': 'Kindergeneeskunde',
  '0318': 'Maag-, darm- en leverziekten',
  '0320': 'Cardiologie',
  '0322': 'Longziekten',
  '0324': 'Reumatologie',
  '0327': 'Revalidatiegeneeskunde',
  '0328': 'Cardiopulmonale chirurgie',
  '0330': 'Neurologie',
  '0362': 'Radiotherapie',
  '0389': 'Anesthesiologie',
} as const;

export type SpecialismCode = keyof typeof SPECIALISMS;

export const SPECIALISM_CODES = Object.keys(SPECIALISMS) as SpecialismCode[];

export function isSpecialismCode(code: string): code is SpecialismCode {
  return Object.prototype.hasOwnProperty.call(SPECIALISMS, code);
}

/** Specialisms of every general hospital and UMC; cardio-thoracic surgery and radiotherapy only where licensed. */
export const GENERAL_HOSPITAL_SPECIALISMS: readonly SpecialismCode[] = SPECIALISM_CODES.filter(
  (code) => code !== '0328' && code !== '0362',
);
