/**
 * Who counts as a peer in mirror information, and when an indicator may be shown (ADD §8; MSZ §4A;
 * decision `mirror-information-minimums`). Neither text names a minimum, so the values are named
 * parameters of the policy year, read by `mirrorSettingsFromPolicy`:
 * - `minPatients` (`mirror_min_patients`): a provider joins the peer group of its type only with at
 *   least this many distinct patients in the year; smaller figures are noise;
 * - `minSpecialismPatients` (`mirror_min_specialism_patients`): a cost-per-patient figure of a
 *   specialism counts (for the provider and for each peer) only with at least this many patients;
 * - `minPeers` (`mirror_min_peers`): an indicator is shown only against at least this many peer
 *   values, so the percentiles never come from one or two recognisable providers.
 *
 * The floors below are not policy but the anonymity guard of the product: a policy file that sets
 * fewer than 3 peers is refused here (and by the policy schema's `minimum`), whatever it says.
 */
import { fail, ok, type Result } from '../errors.js';
import { parameterValue, type Policy } from '../policy/index.js';

export interface MirrorSettings {
  minPatients: number;
  minSpecialismPatients: number;
  minPeers: number;
}

/** Per setting: its policy parameter and the lowest value the product accepts. */
export const MIRROR_SETTING_RULES: Readonly<Record<keyof MirrorSettings, { parameter: string; floor: number }>> = {
  minPatients: { parameter: 'mirror_min_patients', floor: 1 },
  minSpecialismPatients: { parameter: 'mirror_min_specialism_patients', floor: 1 },
  minPeers: { parameter: 'mirror_min_peers', floor: 3 },
};

const FIELDS = Object.keys(MIRROR_SETTING_RULES) as (keyof MirrorSettings)[];

/** Settings passed in directly: each a whole number at or above its floor, or an issue naming the field. */
export function validateMirrorSettings(settings: MirrorSettings): Result<MirrorSettings> {
  for (const field of FIELDS) {
    const { floor } = MIRROR_SETTING_RULES[field];
    const value = settings[field];
    if (!Number.isSafeInteger(value) || value < floor) {
      return fail('invalid_input', `Instelling '${field}' moet een geheel getal van minstens ${floor} zijn (gekregen: ${String(value)}).`, [{ field, message: `minstens ${floor}` }]);
    }
  }
  return ok(settings);
}

/** The mirror settings of a policy year, from its parameters; a missing or too low value is an error naming the parameter. */
export function mirrorSettingsFromPolicy(policy: Policy): Result<MirrorSettings> {
  const settings: Partial<MirrorSettings> = {};
  for (const field of FIELDS) {
    const { parameter, floor } = MIRROR_SETTING_RULES[field];
    const value = parameterValue(policy, parameter, 'integer');
    if (!value.ok) return fail(value.error.code, `${value.error.message} (spiegelinformatie)`, [{ field: parameter, message: value.error.message }]);
    if (value.value < floor) {
      const why = field === 'minPeers' ? ', zodat percentielen nooit van één of twee herkenbare aanbieders komen' : '';
      return fail('invalid_input', `Parameter '${parameter}' in beleid ${policy.id} moet minstens ${floor} zijn${why} (gevonden: ${value.value}).`, [{ field: parameter, message: `minstens ${floor}` }]);
    }
    settings[field] = value.value;
  }
  return ok(settings as MirrorSettings);
}
