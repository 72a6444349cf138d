/** Agreement selection (MSZ §2): which agreement a provider gets, and why. */
export {
  decideAgreement,
  NO_MATCH_ID,
  OPEN_FIELDS,
  type AgreementDecision,
  type AgreementInput,
  type NegotiationStatus,
  type OpenField,
  type ProviderType,
} from './decide.js';
