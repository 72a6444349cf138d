/**
 * The identifier and code systems the FHIR R4 interface uses. Dutch identifiers use the national
 * naming systems of fhir.nl (Nictiz); Vektis/AGB specialism codes and G-Standaard ZI numbers use
 * their registered OIDs. For the DBC concepts no official FHIR system exists (NZa and Vektis publish
 * the tables, not FHIR code systems), so they, and the product's own vocabularies (check rules,
 * return codes, agreement kinds), are defined under `FHIR_BASE_URI`, the one place to change when
 * an insurer publishes them under its own domain. README "FHIR R4" lists them.
 */

/** The product's own base for FHIR code systems, naming systems and extensions. */
export const FHIR_BASE_URI = 'https://zorginkoop.nl/fhir';

// National naming systems (Nictiz, http://fhir.nl/fhir/NamingSystem/...).
export const AGB_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/agb-z';
export const BSN_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/bsn';
export const UZOVI_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/uzovi';
export const KVK_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/kvk';

/** Vektis COD016-VEKT "zorgverlenersspecificatie" (AGB specialism codes such as 0303), OID as used by Nictiz. */
export const SPECIALISM_SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.6.7';
/** G-Standaard ZI number (Z-Index), for add-on drugs. */
export const ZI_NUMBER_SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.4.8';
/** Nictiz organization type (RoleCodeNL): V4 ziekenhuis, V5 UMC, V6 algemeen ziekenhuis, Z4 ZBC. */
export const NICTIZ_ORGANIZATION_TYPE_SYSTEM = 'http://nictiz.nl/fhir/NamingSystem/organization-type';

// HL7 terminology.
export const CLAIM_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/claim-type';
export const PROCESS_PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/processpriority';
export const ADJUDICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/adjudication';
export const USAGE_CONTEXT_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/usage-context-type';

// The product's own systems (no official FHIR system exists for these).
/** Claim line id (`claim_id`) as the provider numbers its claim lines. */
export const CLAIM_ID_SYSTEM = `${FHIR_BASE_URI}/NamingSystem/claim-id`;
/** DBC zorgproductcode (9 digits, NZa zorgproductentabel). */
export const ZORGPRODUCT_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/dbc-zorgproduct`;
/** DBC diagnosecode (1-4 digits, per specialism; NZa/DHD diagnosetabel). */
export const DBC_DIAGNOSIS_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/dbc-diagnose`;
/** Zorgtype of a subtraject (Vektis COD788): 11 initial, 21 follow-up. */
export const CARE_TYPE_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/zorgtype`;
/** The claims-control rules (`RULE_IDS`), as `ClaimResponse.item.adjudication.category`. */
export const CHECK_RULE_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/claim-check-rule`;
/** What upholding a finding means: reject, reclaim, review. */
export const FINDING_ACTION_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/finding-action`;
/** The return codes of a claim line (`CLAIM_REJECT_CODES`, ZK-301), as `ClaimResponse.error.code`. */
export const RETURN_CODE_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/claim-return-code`;
/** Provider type in the product (ziekenhuis, umc, zbc, categoraal). */
export const PROVIDER_TYPE_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/provider-type`;
/** Agreement kind (MSZ §2): the policy's agreement type ids (transitie-3, plafond-2, plafond-1, geen-afspraak…). */
export const AGREEMENT_KIND_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/agreement-kind`;
/** What the amount of an agreement is: richtpunt (transition) or plafond (ceiling). */
export const AGREEMENT_AMOUNT_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/agreement-amount`;
/** The rule ids of explained decisions (`Reason.rule`, e.g. `agreement.transitie-3`). */
export const DECISION_RULE_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/decision-rule`;
/** Price components of a price-list line: standaardprijs, opslag. */
export const PRICE_COMPONENT_SYSTEM = `${FHIR_BASE_URI}/CodeSystem/price-component`;
/** Identifier of an agreement: `<agb>-<year>`. */
export const CONTRACT_ID_SYSTEM = `${FHIR_BASE_URI}/NamingSystem/contract`;
/** Identifier of a price-list line: `<agb>-<year>-<zorgproductcode>`. */
export const PRICE_LINE_ID_SYSTEM = `${FHIR_BASE_URI}/NamingSystem/price-list-line`;

// Extensions (simple, one value each).
/** The policy section a finding or decision rests on (`Reason.source`), valueString. */
export const POLICY_SOURCE_EXTENSION = `${FHIR_BASE_URI}/StructureDefinition/policy-source`;
/** A claim that makes this one suspect (`Finding.relatedClaimIds`), valueIdentifier in `CLAIM_ID_SYSTEM`. */
export const RELATED_CLAIM_EXTENSION = `${FHIR_BASE_URI}/StructureDefinition/related-claim`;
/** Whether a decision is final or provisional (open negotiation points), valueCode. */
export const DECISION_STATUS_EXTENSION = `${FHIR_BASE_URI}/StructureDefinition/decision-status`;
