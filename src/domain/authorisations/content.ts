/**
 * The required content of an authorisation request (MSZ Bijlage 1 art. 6 item 21, the policy's
 * `required_content`): complete patient data, a treatment plan and budget with the performance
 * codes (prestatiecodes) applied for and their amounts in cents, element numbers (FDI tooth
 * numbers), the technique costs in cents, optional photos and the relevant records (attachments).
 * Every missing or wrong item is one issue naming its field, with the policy's content id as `code`.
 * Attachments: PDF, JPEG, PNG or TIFF recognised by their first bytes, at most 10 MB each. Pure.
 */
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import { isLocalDate, type LocalDate } from '../calendar/working-days.js';
import { parseBsn } from '../identifiers/index.js';
import type { MszPolicy } from '../policy/index.js';
import { isCalendarDate } from './requirement.js';

/**
 * Performance codes as the insurer receives them: an NZa dental/oral-surgery code (one or two capital
 * letters and two to four digits, e.g. J20, H35, X21, T012) or a 9-digit zorgproduct code.
 */
export const PERFORMANCE_CODE = /^(?:[A-Z]{1,2}[0-9]{2,4}|[0-9]{9})$/;
export const MAX_PLAN_LINES = 100;
export const MAX_ELEMENTS_PER_LINE = 32;
export const NAME_MAX_LENGTH = 200;
export const PLAN_TEXT_MAX_LENGTH = 5000;
export const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/;

/** FDI two-digit notation: permanent teeth 11-18, 21-28, 31-38, 41-48; deciduous teeth 51-55, 61-65, 71-75, 81-85. */
export function isFdiElement(n: number): boolean {
  if (!Number.isInteger(n)) return false;
  const quadrant = Math.floor(n / 10);
  const tooth = n % 10;
  if (quadrant >= 1 && quadrant <= 4) return tooth >= 1 && tooth <= 8;
  if (quadrant >= 5 && quadrant <= 8) return tooth >= 1 && tooth <= 5;
  return false;
}

export const ATTACHMENT_KINDS = ['record', 'photo'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** The media type by the file's first bytes (magic numbers); null when it is none of the accepted types. */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff';
  return null;
}

export interface AttachmentCheck {
  fileName: string;
  mediaType: MediaType;
}

/** A file name without a path, and the type its bytes show; issues name `field`. */
export function checkAttachment(input: { fileName: unknown; bytes: Uint8Array; kind: unknown }, field = 'file'): Result<AttachmentCheck & { kind: AttachmentKind }> {
  const issues: FieldIssue[] = [];
  const kind = input.kind;
  if (!(ATTACHMENT_KINDS as readonly unknown[]).includes(kind)) issues.push({ field: `${field}.kind`, message: `Soort bijlage: ${ATTACHMENT_KINDS.join(' of ')}.` });
  const raw = typeof input.fileName === 'string' ? input.fileName : '';
  const fileName = [...(raw.split(/[\\/]/).pop() ?? '')].filter((c) => c.charCodeAt(0) >= 0x20 && c !== '"').join('').trim().slice(0, 200);
  if (fileName === '') issues.push({ field: `${field}.file_name`, message: 'Bestandsnaam ontbreekt.' });
  if (input.bytes.length === 0) issues.push({ field, message: 'Het bestand is leeg.' });
  else if (input.bytes.length > ATTACHMENT_MAX_BYTES) issues.push({ field, message: `Het bestand is groter dan ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.` });
  const mediaType = input.bytes.length > 0 ? sniffMediaType(input.bytes) : null;
  if (input.bytes.length > 0 && mediaType === null) issues.push({ field, message: 'Alleen PDF, JPEG, PNG of TIFF (herkend aan de inhoud van het bestand).' });
  if (issues.length > 0 || mediaType === null) return fail('invalid_input', 'De bijlage is niet bruikbaar.', issues);
  return ok({ fileName, mediaType, kind: kind as AttachmentKind });
}

export interface PlanLineInput {
  performance_code?: unknown;
  element_numbers?: unknown;
  amount_cents?: unknown;
  description?: unknown;
}

export interface AuthorisationContentInput {
  provider_reference?: unknown;
  patient?: { bsn?: unknown; name?: unknown; birth_date?: unknown } | null;
  treatment_kind?: unknown;
  treatment_date?: unknown;
  treatment_plan?: unknown;
  plan_lines?: unknown;
  technique_costs_cents?: unknown;
}

export interface PlanLine {
  performance_code: string;
  element_numbers: number[];
  amount_cents: number;
  description: string | null;
}

export interface AuthorisationContent {
  provider_reference: string | null;
  patient: { bsn: string; name: string; birth_date: LocalDate };
  treatment_kind: string;
  treatment_date: LocalDate;
  treatment_plan: string;
  plan_lines: PlanLine[];
  technique_costs_cents: number;
  /** Sum of the plan lines and the technique costs. */
  total_cents: number;
}

/** Attachments already with the request, by kind. */
export type AttachmentCounts = Record<AttachmentKind, number>;

const isCents = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Validates the content against the policy's required items. `receivedOn` is the day of receipt: a
 * prior authorisation is asked before the treatment, so the treatment date may not be earlier.
 */
export function validateContent(policy: MszPolicy, input: AuthorisationContentInput, attachments: AttachmentCounts, receivedOn: LocalDate): Result<AuthorisationContent> {
  const auth = policy.prior_authorisation;
  const titles = new Map(auth.required_content.map((c) => [c.id, c.title]));
  const required = new Set(auth.required_content.filter((c) => c.optional !== true).map((c) => c.id));
  const source = auth.required_content_source;
  const issues: FieldIssue[] = [];
  const missing = (code: string, field: string, what: string) =>
    issues.push({ field, code, message: `${what} (${titles.get(code) ?? code}, ${source}).` });

  // Patient data
  const patient = input.patient ?? {};
  const bsnText = text(patient.bsn);
  let bsn = '';
  if (bsnText === '') missing('patient-data', 'patient.bsn', 'BSN van de patiënt ontbreekt');
  else {
    const parsed = parseBsn(bsnText, 'patient.bsn');
    if (parsed.ok) bsn = parsed.value;
    else issues.push(...(parsed.error.issues ?? []).map((i) => ({ ...i, code: 'patient-data' })));
  }
  const name = text(patient.name);
  if (name === '') missing('patient-data', 'patient.name', 'Naam van de patiënt ontbreekt');
  else if (name.length > NAME_MAX_LENGTH) issues.push({ field: 'patient.name', code: 'patient-data', message: `Naam van de patiënt is langer dan ${NAME_MAX_LENGTH} tekens.` });
  const birthDate = text(patient.birth_date);
  if (birthDate === '') missing('patient-data', 'patient.birth_date', 'Geboortedatum van de patiënt ontbreekt');
  else if (!isCalendarDate(birthDate)) issues.push({ field: 'patient.birth_date', code: 'patient-data', message: 'Geboortedatum is geen bestaande datum (JJJJ-MM-DD).' });
  else if (birthDate > receivedOn) issues.push({ field: 'patient.birth_date', code: 'patient-data', message: 'Geboortedatum ligt in de toekomst.' });

  // Treatment
  const kind = text(input.treatment_kind);
  if (kind === '') issues.push({ field: 'treatment_kind', message: 'Soort behandeling ontbreekt.' });
  const treatmentDate = text(input.treatment_date);
  if (treatmentDate === '') issues.push({ field: 'treatment_date', message: 'Geplande behandeldatum ontbreekt.' });
  else if (!isLocalDate(treatmentDate)) issues.push({ field: 'treatment_date', message: 'Behandeldatum is geen bestaande datum (JJJJ-MM-DD).' });
  else if (treatmentDate < receivedOn) issues.push({ field: 'treatment_date', message: `Een machtiging wordt vooraf aangevraagd: de behandeldatum ligt vóór de dag van ontvangst (${receivedOn}).` });

  // Treatment plan and budget
  const plan = text(input.treatment_plan);
  if (required.has('treatment-plan-budget') && plan === '') missing('treatment-plan-budget', 'treatment_plan', 'Behandelplan ontbreekt');
  else if (plan.length > PLAN_TEXT_MAX_LENGTH) issues.push({ field: 'treatment_plan', code: 'treatment-plan-budget', message: `Behandelplan is langer dan ${PLAN_TEXT_MAX_LENGTH} tekens.` });
  const rawLines = Array.isArray(input.plan_lines) ? (input.plan_lines as unknown[]) : [];
  const lines: PlanLine[] = [];
  if (required.has('treatment-plan-budget') && rawLines.length === 0) missing('treatment-plan-budget', 'plan_lines', 'Begroting ontbreekt: geen prestatiecodes');
  if (rawLines.length > MAX_PLAN_LINES) issues.push({ field: 'plan_lines', code: 'treatment-plan-budget', message: `Hooguit ${MAX_PLAN_LINES} regels.` });
  rawLines.slice(0, MAX_PLAN_LINES).forEach((raw, i) => {
    const at = `plan_lines[${i}]`;
    const line = (raw !== null && typeof raw === 'object' ? raw : {}) as PlanLineInput;
    const code = text(line.performance_code).toUpperCase();
    if (code === '') missing('treatment-plan-budget', `${at}.performance_code`, `Regel ${i + 1}: prestatiecode ontbreekt`);
    else if (!PERFORMANCE_CODE.test(code)) issues.push({ field: `${at}.performance_code`, code: 'treatment-plan-budget', message: `Regel ${i + 1}: '${code.slice(0, 20)}' is geen prestatiecode (bijvoorbeeld J20, H35 of een zorgproductcode van 9 cijfers).` });
    const amount = line.amount_cents;
    if (amount === undefined || amount === null || amount === '') missing('treatment-plan-budget', `${at}.amount_cents`, `Regel ${i + 1}: bedrag ontbreekt`);
    else if (!isCents(amount) || amount === 0) issues.push({ field: `${at}.amount_cents`, code: 'treatment-plan-budget', message: `Regel ${i + 1}: bedrag in hele centen, groter dan 0.` });
    const elements: number[] = [];
    if (line.element_numbers !== undefined && line.element_numbers !== null) {
      if (!Array.isArray(line.element_numbers)) issues.push({ field: `${at}.element_numbers`, code: 'element-numbers', message: `Regel ${i + 1}: elementnummers als lijst.` });
      else {
        for (const e of line.element_numbers as unknown[]) {
          const n = typeof e === 'string' && /^\d{2}$/.test(e.trim()) ? Number(e.trim()) : e;
          if (typeof n !== 'number' || !isFdiElement(n)) issues.push({ field: `${at}.element_numbers`, code: 'element-numbers', message: `Regel ${i + 1}: '${String(e).slice(0, 10)}' is geen elementnummer (FDI 11-48, melkgebit 51-85).` });
          else if (!elements.includes(n)) elements.push(n);
        }
        if (elements.length > MAX_ELEMENTS_PER_LINE) issues.push({ field: `${at}.element_numbers`, code: 'element-numbers', message: `Regel ${i + 1}: hooguit ${MAX_ELEMENTS_PER_LINE} elementnummers.` });
      }
    }
    const description = text(line.description);
    if (description.length > 500) issues.push({ field: `${at}.description`, message: `Regel ${i + 1}: omschrijving langer dan 500 tekens.` });
    lines.push({ performance_code: code, element_numbers: elements.sort((a, b) => a - b), amount_cents: isCents(amount) ? amount : 0, description: description === '' ? null : description });
  });
  if (required.has('element-numbers') && rawLines.length > 0 && lines.every((l) => l.element_numbers.length === 0) && !issues.some((i) => i.code === 'element-numbers')) {
    missing('element-numbers', 'plan_lines.element_numbers', 'Elementnummers ontbreken: noem bij minstens één regel de betrokken elementen');
  }

  // Technique costs
  const technique = input.technique_costs_cents;
  if (technique === undefined || technique === null || technique === '') {
    if (required.has('technique-costs')) missing('technique-costs', 'technique_costs_cents', 'Hoogte van de techniekkosten ontbreekt (0 als er geen zijn)');
  } else if (!isCents(technique)) issues.push({ field: 'technique_costs_cents', code: 'technique-costs', message: 'Techniekkosten in hele centen, 0 of meer.' });

  // Records (attachments); photos are optional in the policy.
  for (const [code, kind_, field, what] of [['records', 'record', 'records', 'Relevante dossiers ontbreken: voeg minstens één bijlage toe'], ['photos', 'photo', 'photos', "Foto's ontbreken"]] as const) {
    if (required.has(code) && attachments[kind_] === 0) missing(code, field, what);
  }

  const reference = text(input.provider_reference);
  if (reference !== '' && !REFERENCE.test(reference)) issues.push({ field: 'provider_reference', message: 'Uw kenmerk: hooguit 50 letters, cijfers of . _ / -.' });

  if (issues.length > 0) return fail('invalid_input', `De machtigingsaanvraag is niet volledig of niet juist (${source}).`, issues);
  const techniqueCents = isCents(technique) ? technique : 0;
  const total = lines.reduce((sum, l) => sum + l.amount_cents, techniqueCents);
  if (!Number.isSafeInteger(total)) return fail('invalid_input', 'Het totaal van de begroting is te groot.', [{ field: 'plan_lines', message: 'Totaal te groot.' }]);
  return ok({
    provider_reference: reference === '' ? null : reference,
    patient: { bsn, name, birth_date: birthDate },
    treatment_kind: kind,
    treatment_date: treatmentDate,
    treatment_plan: plan,
    plan_lines: lines,
    technique_costs_cents: techniqueCents,
    total_cents: total,
  });
}
