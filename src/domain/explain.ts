/**
 * Explainable decisions: every agreement type, proposal line, correction, finding and settlement
 * line carries the rule that produced it, the policy section it comes from, and the inputs that
 * decided it. One shape for all of them, so the API, the CLI, the PDFs and the app show them alike.
 */
export interface Reason {
  /** Stable rule id, e.g. `agreement.transitie-3`, `settlement.transition.below`, `volume.A1`. */
  rule: string;
  /** Policy document and section, e.g. `MSZ §2`, `MSZ Bijlage 4 item 6`, `ADD §5`. */
  source: string;
  /** The inputs that decided it, by name (amounts in cents, shares as decimal strings). */
  inputs: Record<string, string | number | boolean | null>;
  /** Dutch, user-facing explanation. */
  message: string;
}

/** A money line of a proposal, settlement or statement: the amount and why. */
export interface ExplainedLine extends Reason {
  /** Stable line id within its document, e.g. `base`, `A1`, `payable`. */
  id: string;
  /** Dutch label. */
  label: string;
  amount_cents: number;
}
