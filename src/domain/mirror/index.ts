/** Mirror information (spiegelinformatie, ADD §8): indicators of a provider against its peers. */
export {
  MIRROR_TOPICS,
  formatIndicator,
  indicatorDefinition,
  indicatorValues,
  reportedRules,
  roundIndicator,
  topicTitle,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorUnit,
  type IndicatorValue,
  type MirrorTopicId,
  type OmittedIndicator,
  type ProviderAggregates,
} from './indicators.js';
export {
  MIRROR_PERCENTILES,
  MIRROR_PERCENTILE_METHOD,
  MIRROR_RANK_METHOD,
  MIRROR_SIGNALS,
  peerPercentiles,
  percentileRank,
  signalOf,
  type MirrorSignal,
  type PercentileKey,
  type Percentiles,
} from './percentiles.js';
export { PEER_TYPE_LABELS, mirrorReport, peerGroup, type MirrorIndicator, type MirrorInput, type MirrorReport } from './report.js';
export { MIRROR_SETTING_RULES, mirrorSettingsFromPolicy, validateMirrorSettings, type MirrorSettings } from './settings.js';
export { mirrorOverview, type MirrorOverview, type MirrorOverviewRow } from './overview.js';
