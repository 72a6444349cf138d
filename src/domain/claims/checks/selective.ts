/**
 * Selective purchasing (MSZ §2, Bijlage 2 and 3): care bought only from selected providers, claimed
 * by a provider that is not selected. A product's `selectiveId` says what the provider must hold:
 * - `protonentherapie` → the WBMV licence `wbmv-protonentherapie` (HollandPTC, Groningen);
 * - `mr-clean-trombectomie` → programme `mr-clean` (intra-arterial thrombectomy);
 * - `rivm-darmkanker-coloscopie` → programme `rivm-darmkanker` (bowel-cancer screening agreement);
 * - `vt-N` → programme `vt-N` (conditional admission project N, Bijlage 3);
 * - `minimumnorm:<treatment>` → the provider meets that minimum-volume norm (Bijlage 2);
 * - any other id → a licence of that id (WBMV: `wbmv-pci`, `wbmv-icd`, … and `mohs`).
 * A provider missing from the reference holds nothing. Closed inclusion of a conditional admission
 * (`conditional_admission_closed_inclusion`) cannot be told from a claim line (it needs the study's
 * inclusion list), so a claim by a named centre passes here. Add-on and settled lines are not flagged.
 */
import type { CheckReference, Finding } from '../types.js';
import { makeFinding, type FindingSubject } from './findings.js';
import type { CheckSettings } from './settings.js';

export type SelectiveRequirement =
  | { kind: 'licence'; code: string }
  | { kind: 'programme'; code: string }
  | { kind: 'minimumNorm'; code: string };

const MINIMUM_NORM_PREFIX = 'minimumnorm:';

export function selectiveRequirement(selectiveId: string): SelectiveRequirement {
  if (selectiveId === 'mr-clean-trombectomie') return { kind: 'programme', code: 'mr-clean' };
  if (selectiveId === 'protonentherapie') return { kind: 'licence', code: 'wbmv-protonentherapie' };
  if (selectiveId === 'rivm-darmkanker-coloscopie') return { kind: 'programme', code: 'rivm-darmkanker' };
  if (selectiveId.startsWith(MINIMUM_NORM_PREFIX)) return { kind: 'minimumNorm', code: selectiveId.slice(MINIMUM_NORM_PREFIX.length) };
  if (/^vt-[0-9]+$/.test(selectiveId)) return { kind: 'programme', code: selectiveId };
  return { kind: 'licence', code: selectiveId };
}

type Holdings = { licences: readonly string[]; programmes: readonly string[]; minimumNorms: readonly string[] };

export function holds(provider: Holdings | undefined, need: SelectiveRequirement): boolean {
  if (provider === undefined) return false;
  if (need.kind === 'licence') return provider.licences.includes(need.code);
  if (need.kind === 'programme') return provider.programmes.includes(need.code);
  return provider.minimumNorms.includes(need.code);
}

/** The selective id the provider lacks for this product, or null when it may supply it. */
export function selectiveViolation(reference: CheckReference, agb: string, productCode: string): string | null {
  const selectiveId = reference.products.get(productCode)?.selectiveId ?? null;
  if (selectiveId === null) return null;
  return holds(reference.providers.get(agb), selectiveRequirement(selectiveId)) ? null : selectiveId;
}

const KIND_TEXT: Record<SelectiveRequirement['kind'], string> = {
  licence: 'vergunning',
  programme: 'deelname aan',
  minimumNorm: 'minimumnorm',
};

export function selectiveFinding(settings: CheckSettings, subject: FindingSubject & { amountCents: number; productCode: string }, selectiveId: string): Finding {
  const need = selectiveRequirement(selectiveId);
  return makeFinding(settings, 'selective', subject, Math.max(0, subject.amountCents), [],
    { product_code: subject.productCode, selective_id: selectiveId, requirement: `${need.kind}:${need.code}` },
    `Zorgproduct ${subject.productCode} wordt selectief ingekocht (${selectiveId}); aanbieder ${subject.agb} heeft geen ${KIND_TEXT[need.kind]} ${need.code}.`);
}
