/** MSZ §3 pricing: standard prices per care product and the price proposal per provider. */
export {
  STANDARD_PRICE_METHODS,
  type StandardPriceMethod,
  type StandardPriceProduct,
  type StandardPrice,
  type MarketPriceObservation,
  standardPriceMethod,
  isCostPriceBased,
  standardPrice,
  marketPrice,
} from './standard-price.js';
export {
  type CareCategory,
  type PriceProposalProduct,
  type PriceProposalInput,
  type PriceProposalLine,
  type PriceProposal,
  roundingMode,
  priceIndex,
  priceProposal,
} from './price-proposal.js';
