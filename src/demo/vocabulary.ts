/**
 * The closed vocabularies of the demo data: licences, certificates, programmes, minimum-norm
 * treatments (MSZ §2, Bijlage 2 and 3), and which licence or programme a selectively purchased care
 * product needs (`selectiveRequirement`, `providerMaySupply`). Demo data only: the product's own
 * policy checks read the policy file of the year, not this module.
 */

export const DEMO_PROVIDER_TYPES = ['ziekenhuis', 'umc', 'zbc', 'categoraal'] as const;
export type DemoProviderType = (typeof DEMO_PROVIDER_TYPES)[number];

export const DEMO_LICENCES = [
  'wbmv-pci',
  'wbmv-icd',
  'wbmv-tavi',
  'wbmv-transplantatie',
  'wbmv-radiotherapie',
  'wbmv-protonentherapie',
  'mohs',
] as const;
export type DemoLicence = (typeof DEMO_LICENCES)[number];

export const DEMO_CERTIFICATES = ['NIAZ', 'JCI', 'VMS', 'ZKN', 'HKZ', 'CCKL', 'ISO15189'] as const;
export type DemoCertificate = (typeof DEMO_CERTIFICATES)[number];

/** The 11 conditional admissions of MSZ Bijlage 3, by project number. */
export const VT_PROJECTS = {
  'vt-1': 'Transluminale endoscopische step-up benadering bij geïnfecteerde pancreasnecrose',
  'vt-2': 'Autologe stamceltransplantatie bij therapierefractaire ziekte van Crohn',
  'vt-3': 'Adjuvante HIPEC bij coloncarcinoom',
  'vt-4': 'Belimumab (Benlysta) bij actieve SLE',
  'vt-5': 'Tumor-infiltrerende lymfocyten bij uitgezaaid melanoom',
  'vt-6': 'Borstreconstructie met autologe vettransplantatie na borstkanker',
  'vt-7': 'Percutane transforaminale endoscopische discectomie (PTED) bij lumbale hernia',
  'vt-8': 'Occipitale zenuwstimulatie bij chronische clusterhoofdpijn',
  'vt-9': 'Fampridine (Fampyra) bij multiple sclerose',
  'vt-10': 'Dendritische celvaccinatie bij melanoom stadium IIIB/IIIC',
  'vt-11': 'Sacrale neuromodulatie bij therapieresistente functionele obstipatie',
} as const;
export type VtProject = keyof typeof VT_PROJECTS;

export const DEMO_PROGRAMMES = [
  'rivm-darmkanker',
  'mr-clean',
  'nvvc-witte-lijst',
  ...(Object.keys(VT_PROJECTS) as VtProject[]),
] as const;
export type DemoProgramme = (typeof DEMO_PROGRAMMES)[number];

/** Treatments with a professional minimum-volume norm (MSZ Bijlage 2), as used by the demo data. */
export const MINIMUM_NORM_TREATMENTS = [
  'mammacarcinoom',
  'oesofaguscarcinoom',
  'pancreascarcinoom',
  'colorectaal',
  'longcarcinoom',
  'prostaatkanker',
  'blaaskanker',
  'bariatrie',
  'aaa',
  'carotislijden',
] as const;
export type MinimumNormTreatment = (typeof MINIMUM_NORM_TREATMENTS)[number];

/** Selective-purchasing ids carried by care products (MSZ §2 "Wij kopen een aantal behandelingen selectief in"). */
export type SelectiveId =
  | 'mr-clean-trombectomie'
  | 'protonentherapie'
  | 'rivm-darmkanker-coloscopie'
  | Exclude<DemoLicence, 'wbmv-protonentherapie'>
  | VtProject
  | `minimumnorm:${MinimumNormTreatment}`;

export type SelectiveRequirement =
  | { kind: 'licence'; code: DemoLicence }
  | { kind: 'programme'; code: DemoProgramme }
  | { kind: 'minimumNorm'; code: MinimumNormTreatment };

/** What a provider must hold to be purchased for a selectively purchased product. */
export function selectiveRequirement(id: SelectiveId): SelectiveRequirement {
  if (id === 'mr-clean-trombectomie') return { kind: 'programme', code: 'mr-clean' };
  if (id === 'protonentherapie') return { kind: 'licence', code: 'wbmv-protonentherapie' };
  if (id === 'rivm-darmkanker-coloscopie') return { kind: 'programme', code: 'rivm-darmkanker' };
  if (id.startsWith('minimumnorm:')) return { kind: 'minimumNorm', code: id.slice('minimumnorm:'.length) as MinimumNormTreatment };
  if (id.startsWith('vt-')) return { kind: 'programme', code: id as VtProject };
  return { kind: 'licence', code: id as DemoLicence };
}

export interface SelectiveHolder {
  licences: readonly string[];
  programmes: readonly string[];
  minimumNorms: readonly string[];
}

/** True when the provider may supply the product: not selective, or it holds what is required. */
export function providerMaySupply(provider: SelectiveHolder, product: { selectiveId: SelectiveId | null }): boolean {
  if (product.selectiveId === null) return true;
  const need = selectiveRequirement(product.selectiveId);
  if (need.kind === 'licence') return provider.licences.includes(need.code);
  if (need.kind === 'programme') return provider.programmes.includes(need.code);
  return provider.minimumNorms.includes(need.code);
}
