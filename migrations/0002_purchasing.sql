-- Purchasing engine: the negotiation state per provider and year (the facts the agreement decision
-- rests on), the purchaser's proposal inputs, and add-on drug sub-agreements (FDA).

CREATE TABLE negotiations (
  agb                  char(8) NOT NULL REFERENCES providers (agb),
  year                 integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  price_volume         text NOT NULL DEFAULT 'open' CHECK (price_volume IN ('agreed', 'rejected', 'open')),
  kernregio_conditions text NOT NULL DEFAULT 'open' CHECK (kernregio_conditions IN ('agreed', 'rejected', 'open')),
  multi_year_content   text CHECK (multi_year_content IN ('agreed', 'rejected', 'open')),
  new_provider         boolean NOT NULL DEFAULT false,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agb, year)
);

-- What the purchaser sets for a provider's proposal (MSZ §3, §4); absent values use policy defaults.
CREATE TABLE proposal_inputs (
  agb                            char(8) NOT NULL REFERENCES providers (agb),
  year                           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  provider_surcharge_share       numeric(6, 4) CHECK (provider_surcharge_share BETWEEN 0 AND 1),
  provider_surcharge_evidence    text,
  academic_share                 numeric(6, 4) CHECK (academic_share BETWEEN 0 AND 1),
  a1_input_cents                 bigint CHECK (a1_input_cents >= 0),
  demography_growth              numeric(6, 4) CHECK (demography_growth BETWEEN -1 AND 1),
  kwf_incidence_growth           numeric(6, 4) CHECK (kwf_incidence_growth BETWEEN -1 AND 1),
  home_dialysis_expected_share   numeric(6, 4) CHECK (home_dialysis_expected_share BETWEEN 0 AND 1),
  integrated_birth_care          boolean NOT NULL DEFAULT false,
  elv_substitution_share         numeric(6, 4) CHECK (elv_substitution_share BETWEEN 0 AND 1),
  under_share                    numeric(6, 4) CHECK (under_share BETWEEN 0 AND 1),
  growth_share                   numeric(6, 4) CHECK (growth_share BETWEEN 0 AND 1),
  updated_at                     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agb, year),
  CHECK (provider_surcharge_share IS NULL OR provider_surcharge_evidence IS NOT NULL)
);

-- Add-on drugs: a one-year financial sub-agreement (FDA) per provider, with its drug lines (ADD §3, §5).
CREATE TABLE addon_agreements (
  agb                     char(8) NOT NULL REFERENCES providers (agb),
  year                    integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  expected_revenue_cents  bigint NOT NULL CHECK (expected_revenue_cents >= 0),
  q2_figures              text NOT NULL DEFAULT 'late' CHECK (q2_figures IN ('on-time', 'late', 'incorrect')),
  efficiency              text NOT NULL DEFAULT 'no-requirement' CHECK (efficiency IN ('met', 'not-met', 'no-requirement')),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agb, year)
);

CREATE TABLE addon_agreement_lines (
  agb            char(8) NOT NULL,
  year           integer NOT NULL,
  zi_number      char(8) NOT NULL REFERENCES addon_drugs (zi_number),
  agreed_units   numeric(14, 3) NOT NULL CHECK (agreed_units >= 0),
  PRIMARY KEY (agb, year, zi_number),
  FOREIGN KEY (agb, year) REFERENCES addon_agreements (agb, year) ON DELETE CASCADE
);

CREATE INDEX claims_agb_product ON claims (agb, product_code);

ALTER TABLE negotiations ENABLE ROW LEVEL SECURITY;
ALTER TABLE negotiations FORCE ROW LEVEL SECURITY;
CREATE POLICY negotiations_scope ON negotiations USING (app_can_see(agb)) WITH CHECK (app_role() IN ('purchaser', 'system'));

ALTER TABLE proposal_inputs ENABLE ROW LEVEL SECURITY;
ALTER TABLE proposal_inputs FORCE ROW LEVEL SECURITY;
CREATE POLICY proposal_inputs_scope ON proposal_inputs USING (app_can_see(agb)) WITH CHECK (app_role() IN ('purchaser', 'system'));

ALTER TABLE addon_agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE addon_agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY addon_agreements_scope ON addon_agreements USING (app_can_see(agb)) WITH CHECK (app_role() IN ('purchaser', 'system'));

ALTER TABLE addon_agreement_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE addon_agreement_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY addon_agreement_lines_scope ON addon_agreement_lines USING (app_can_see(agb)) WITH CHECK (app_role() IN ('purchaser', 'system'));

GRANT SELECT, INSERT, UPDATE, DELETE ON negotiations, proposal_inputs, addon_agreements, addon_agreement_lines TO zorginkoop_app;
