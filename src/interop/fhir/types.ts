/**
 * The slice of FHIR R4 the product reads and writes, as TypeScript types. `@types/fhir` in the
 * dependencies describes STU3 (version 3.x: `Claim.item.service`, no `ChargeItemDefinition`), so the
 * R4 shapes used here are declared here, element names and cardinalities as in R4 (4.0.1).
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

/** R4 Money: `value` is a JSON number (decimal), `currency` an ISO 4217 code. */
export interface Money {
  value?: number;
  currency?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
}

export interface Extension {
  url: string;
  valueString?: string;
  valueCode?: string;
  valueIdentifier?: Identifier;
}

export interface Resource {
  resourceType: string;
  id?: string;
}

export interface DomainResource extends Resource {
  extension?: Extension[];
}

export interface BundleEntry<R extends Resource = Resource> {
  fullUrl?: string;
  resource?: R;
  search?: { mode: 'match' | 'include' | 'outcome' };
}

export interface Bundle<R extends Resource = Resource> extends Resource {
  resourceType: 'Bundle';
  type: 'document' | 'message' | 'transaction' | 'transaction-response' | 'batch' | 'batch-response' | 'history' | 'searchset' | 'collection';
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry<R>[];
}

export interface ClaimItemDetail {
  sequence: number;
  productOrService: CodeableConcept;
  quantity?: Quantity;
}

export interface ClaimItem {
  sequence: number;
  careTeamSequence?: number[];
  diagnosisSequence?: number[];
  productOrService: CodeableConcept;
  servicedDate?: string;
  servicedPeriod?: Period;
  quantity?: Quantity;
  unitPrice?: Money;
  net?: Money;
  detail?: ClaimItemDetail[];
}

export interface Claim extends DomainResource {
  resourceType: 'Claim';
  identifier?: Identifier[];
  status: 'active' | 'cancelled' | 'draft' | 'entered-in-error';
  type: CodeableConcept;
  subType?: CodeableConcept;
  use: 'claim' | 'preauthorization' | 'predetermination';
  patient: Reference;
  billablePeriod?: Period;
  created: string;
  insurer?: Reference;
  provider: Reference;
  priority: CodeableConcept;
  careTeam?: { sequence: number; provider: Reference; qualification?: CodeableConcept }[];
  diagnosis?: { sequence: number; diagnosisCodeableConcept?: CodeableConcept }[];
  insurance: { sequence: number; focal: boolean; coverage: Reference }[];
  item?: ClaimItem[];
  total?: Money;
}

export interface Adjudication {
  extension?: Extension[];
  category: CodeableConcept;
  reason?: CodeableConcept;
  amount?: Money;
}

export interface ClaimResponse extends DomainResource {
  resourceType: 'ClaimResponse';
  identifier?: Identifier[];
  status: 'active' | 'cancelled' | 'draft' | 'entered-in-error';
  type: CodeableConcept;
  use: 'claim' | 'preauthorization' | 'predetermination';
  patient: Reference;
  created: string;
  insurer: Reference;
  requestor?: Reference;
  request?: Reference;
  outcome: 'queued' | 'complete' | 'error' | 'partial';
  disposition?: string;
  item?: { itemSequence: number; adjudication: Adjudication[] }[];
  total?: { category: CodeableConcept; amount: Money }[];
  error?: { itemSequence?: number; code: CodeableConcept }[];
}

export interface Address {
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing';
  type?: 'postal' | 'physical' | 'both';
  text?: string;
  city?: string;
  state?: string;
  country?: string;
}

export interface Organization extends DomainResource {
  resourceType: 'Organization';
  identifier?: Identifier[];
  active?: boolean;
  type?: CodeableConcept[];
  name?: string;
  address?: Address[];
}

export interface ContractTerm {
  identifier?: Identifier;
  type?: CodeableConcept;
  subType?: CodeableConcept;
  text?: string;
  offer: { text?: string };
  asset?: { type?: CodeableConcept[]; valuedItem?: { effectiveTime?: string; net?: Money }[] }[];
}

export interface Contract extends DomainResource {
  resourceType: 'Contract';
  identifier?: Identifier[];
  status: 'amended' | 'appended' | 'cancelled' | 'disputed' | 'entered-in-error' | 'executable' | 'executed' | 'negotiable' | 'offered' | 'policy' | 'rejected' | 'renewed' | 'revoked' | 'resolved' | 'terminated';
  name?: string;
  title?: string;
  issued?: string;
  applies?: Period;
  subject?: Reference[];
  type?: CodeableConcept;
  term?: ContractTerm[];
}

export interface PriceComponent {
  type: 'base' | 'surcharge' | 'deduction' | 'discount' | 'tax' | 'informational';
  code?: CodeableConcept;
  factor?: number;
  amount?: Money;
}

export interface ChargeItemDefinition extends DomainResource {
  resourceType: 'ChargeItemDefinition';
  url: string;
  identifier?: Identifier[];
  title?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  date?: string;
  useContext?: { code: Coding; valueReference?: Reference }[];
  effectivePeriod?: Period;
  code?: CodeableConcept;
  propertyGroup?: { priceComponent?: PriceComponent[] }[];
}

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome extends DomainResource {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}
