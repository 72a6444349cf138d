/** Year settlement of MSZ agreements (MSZ §2 Fig. 1, §4): transition and ceiling, UMC care outside both. */
export { settle, paymentCurve, type Settlement, type PaymentCurvePoint } from './settle.js';
export type { SettlementInput, SettlementType } from './terms.js';
