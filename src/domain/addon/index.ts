/** Add-on drugs (ADD §4, §5): nacalculatie eligibility and the post-calculation per cluster. */
export {
  addonEligibility,
  type AddonCondition,
  type AddonEligibility,
  type AddonEligibilityInput,
  type EfficiencyStatus,
  type Q2Figures,
} from './eligibility.js';
export {
  postCalculate,
  type PostCalculation,
  type PostCalculationInput,
  type PostCalculationLineInput,
  type PostCalculationTotals,
} from './nacalculatie.js';
export type { ClusterResult, DrugResult } from './cluster.js';
