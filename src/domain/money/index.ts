export { type Cents, isCents, assertCents, parseEuroAmount, eurosToCents, formatEuro, sumCents } from './cents.js';
export {
  type Rate,
  type RoundingMode,
  MoneyDecimal,
  parseRate,
  parseShare,
  rateOf,
  rateToString,
  isRate,
  roundToCents,
  multiplyCents,
  ratio,
} from './rate.js';
export { allocateCents } from './allocate.js';
