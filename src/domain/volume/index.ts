/** MSZ §4 volume: the volume proposal per provider (base and corrections A1-A3, B1-B5). */
export {
  VOLUME_CARE_KINDS,
  type RealisationRow,
  type VolumeProposalInput,
  type VolumeFlagId,
  type VolumeFlag,
  type VolumeProposal,
  volumeProposal,
} from './volume-proposal.js';
export {
  PERCENTILE_METHODS,
  type PercentileMethod,
  type PracticeVariationIndicator,
  type PracticeVariationSettings,
  percentile,
  percentileOf,
  practiceVariationLine,
} from './practice-variation.js';
