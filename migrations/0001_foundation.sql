-- Foundation schema: providers, locations, care products and standard prices, add-on drugs,
-- agreements, claims, users and sessions, and the append-only audit log.
-- Invariants live here too (CHECK, FK, unique); provider-scoped tables have FORCE row-level security.

-- The application's role: neither owner nor BYPASSRLS. Every request switches to it per transaction.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zorginkoop_app') THEN
    CREATE ROLE zorginkoop_app NOLOGIN NOBYPASSRLS NOSUPERUSER;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created concurrently by another database's migration on the same cluster
END $$;

DO $$
BEGIN
  EXECUTE format('GRANT zorginkoop_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN
  NULL; -- a superuser may already switch to any role
END $$;

-- Row visibility: insurer staff and jobs see all rows, a provider user only its own AGB.
CREATE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.role', true), ''), 'none') $$;

CREATE FUNCTION app_can_see(row_agb text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_role() IN ('purchaser', 'controller', 'system')
      OR (app_role() = 'provider' AND row_agb = current_setting('app.agb', true))
$$;

CREATE TABLE providers (
  agb                    char(8) PRIMARY KEY CHECK (agb ~ '^[0-9]{8}$'),
  name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type                   text NOT NULL CHECK (type IN ('ziekenhuis', 'umc', 'zbc', 'categoraal')),
  city                   text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  province               text,
  region                 text,
  kernregio              boolean NOT NULL DEFAULT false,
  insurer                text NOT NULL DEFAULT 'zk' CHECK (insurer IN ('zk', 'de-friesland')),
  zk_revenue_cents       bigint NOT NULL CHECK (zk_revenue_cents >= 0),
  market_share           numeric(5, 4) CHECK (market_share BETWEEN 0 AND 1),
  kvk                    char(8) CHECK (kvk ~ '^[0-9]{8}$'),
  vsv_level              smallint CHECK (vsv_level BETWEEN 1 AND 4),
  budget_policy_selected boolean NOT NULL DEFAULT false,
  licences               text[] NOT NULL DEFAULT '{}',
  certificates           text[] NOT NULL DEFAULT '{}',
  programmes             text[] NOT NULL DEFAULT '{}',
  minimum_norms          text[] NOT NULL DEFAULT '{}',
  specialisms            text[] NOT NULL DEFAULT '{}',
  latitude               numeric(8, 5) CHECK (latitude BETWEEN 50 AND 54),
  longitude              numeric(8, 5) CHECK (longitude BETWEEN 3 AND 8),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE provider_locations (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb       char(8) NOT NULL REFERENCES providers (agb) ON DELETE CASCADE,
  name      text NOT NULL,
  city      text NOT NULL,
  is_main   boolean NOT NULL DEFAULT false,
  latitude  numeric(8, 5) CHECK (latitude BETWEEN 50 AND 54),
  longitude numeric(8, 5) CHECK (longitude BETWEEN 3 AND 8),
  UNIQUE (agb, name)
);
CREATE UNIQUE INDEX provider_locations_one_main ON provider_locations (agb) WHERE is_main;

CREATE TABLE care_products (
  code           char(9) PRIMARY KEY CHECK (code ~ '^[0-9]{9}$'),
  name           text NOT NULL,
  specialism     char(4) NOT NULL CHECK (specialism ~ '^[0-9]{4}$'),
  diagnosis      text NOT NULL,
  category       text NOT NULL CHECK (category IN ('algemeen', 'complex', 'topklinisch', 'topreferent')),
  care_kinds     text[] NOT NULL DEFAULT '{}',
  bijlage4_item  smallint CHECK (bijlage4_item BETWEEN 1 AND 18),
  selective_id   text
);

CREATE TABLE standard_prices (
  policy_id           text NOT NULL,
  product_code        char(9) NOT NULL REFERENCES care_products (code),
  price_cents         bigint NOT NULL CHECK (price_cents > 0),
  cost_price_cents    bigint CHECK (cost_price_cents > 0),
  market_price_cents  bigint CHECK (market_price_cents > 0),
  PRIMARY KEY (policy_id, product_code)
);

CREATE TABLE addon_drugs (
  zi_number                char(8) PRIMARY KEY CHECK (zi_number ~ '^[0-9]{8}$'),
  name                     text NOT NULL,
  cluster                  text NOT NULL,
  unit                     text NOT NULL,
  reference_tariff_cents   bigint NOT NULL CHECK (reference_tariff_cents > 0),
  specialised_centres_only boolean NOT NULL DEFAULT false,
  efficiency_requirement   boolean NOT NULL DEFAULT false
);

CREATE TABLE agreements (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb           char(8) NOT NULL REFERENCES providers (agb),
  policy_id     text NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  type          text NOT NULL CHECK (type IN ('transitie', 'plafond', 'none')),
  years         smallint NOT NULL CHECK (years BETWEEN 0 AND 3),
  path          text NOT NULL CHECK (path IN ('regular', 'digital')),
  status        text NOT NULL DEFAULT 'concept',
  amount_cents  bigint CHECK (amount_cents >= 0),
  decision      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agb, policy_id, year),
  CHECK ((type = 'none') = (years = 0))
);

CREATE TABLE claim_imports (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name    text NOT NULL,
  sha256       char(64) NOT NULL UNIQUE,
  format       text NOT NULL CHECK (format IN ('csv', 'zh308', 'fhir')),
  accepted     integer NOT NULL CHECK (accepted >= 0),
  rejected     integer NOT NULL CHECK (rejected >= 0),
  imported_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE claims (
  claim_id      text PRIMARY KEY CHECK (length(claim_id) BETWEEN 1 AND 64),
  import_id     bigint REFERENCES claim_imports (id),
  uzovi         char(4) NOT NULL CHECK (uzovi ~ '^[0-9]{4}$'),
  agb           char(8) NOT NULL REFERENCES providers (agb),
  bsn           char(9) NOT NULL CHECK (bsn ~ '^[0-9]{9}$'),
  care_type     char(2) NOT NULL CHECK (care_type IN ('11', '21')),
  specialism    char(4) NOT NULL CHECK (specialism ~ '^[0-9]{4}$'),
  diagnosis     text NOT NULL,
  product_code  char(9) NOT NULL CHECK (product_code ~ '^[0-9]{9}$'),
  start_date    date NOT NULL,
  end_date      date NOT NULL CHECK (end_date >= start_date),
  amount_cents  bigint NOT NULL,
  zi_number     char(8) CHECK (zi_number ~ '^[0-9]{8}$'),
  units         numeric(12, 3) CHECK (units > 0),
  CHECK ((zi_number IS NULL) = (units IS NULL))
);
CREATE INDEX claims_agb_start ON claims (agb, start_date);
CREATE INDEX claims_bsn ON claims (bsn);

CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email          text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('purchaser', 'controller', 'provider')),
  agb            char(8) REFERENCES providers (agb),
  is_signatory   boolean NOT NULL DEFAULT false,
  display_name   text,
  totp_secret    text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'provider') = (agb IS NOT NULL)),
  CHECK (NOT is_signatory OR role = 'provider')
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE sessions (
  token_hash          char(64) PRIMARY KEY,
  user_id             bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at          timestamptz NOT NULL,
  last_seen_at        timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  CHECK (absolute_expires_at > created_at)
);

-- Append-only audit log (NEN 7513 spirit), hash-chained: each record's hash covers the previous one.
CREATE TABLE audit_log (
  seq               bigint PRIMARY KEY,
  occurred_at       timestamptz NOT NULL DEFAULT now(),
  event             text NOT NULL,
  action            char(1) NOT NULL CHECK (action IN ('C', 'R', 'U', 'D', 'E')),
  outcome           text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  user_id           bigint,
  user_email        text,
  role              text NOT NULL,
  responsible_user  text,
  purpose           text NOT NULL,
  object_type       text,
  object_id         text,
  agb               char(8),
  details           jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash         char(64) NOT NULL,
  hash              char(64) NOT NULL
);

CREATE FUNCTION audit_record_hash(a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    a.seq, (extract(epoch FROM a.occurred_at) * 1000000)::bigint, a.event, a.action, a.outcome,
    a.user_id, a.user_email, a.role, a.responsible_user, a.purpose, a.object_type, a.object_id,
    a.agb, a.details::text, a.prev_hash), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One writer at a time extends the chain; the lock is held until commit.
  PERFORM pg_advisory_xact_lock(7513);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_record_hash(NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Row-level security, forced even for the table owner.
ALTER TABLE providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE providers FORCE ROW LEVEL SECURITY;
CREATE POLICY providers_scope ON providers USING (app_can_see(agb)) WITH CHECK (app_role() IN ('purchaser', 'system'));

ALTER TABLE provider_locations ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_locations FORCE ROW LEVEL SECURITY;
CREATE POLICY provider_locations_scope ON provider_locations USING (app_can_see(agb)) WITH CHECK (app_role() IN ('purchaser', 'system'));

ALTER TABLE agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY agreements_scope ON agreements USING (app_can_see(agb)) WITH CHECK (app_role() IN ('purchaser', 'system'));

ALTER TABLE claims ENABLE ROW LEVEL SECURITY;
ALTER TABLE claims FORCE ROW LEVEL SECURITY;
CREATE POLICY claims_scope ON claims USING (app_can_see(agb)) WITH CHECK (app_role() IN ('controller', 'system'));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_scope ON users
  USING (app_role() IN ('purchaser', 'controller', 'system') OR id::text = current_setting('app.user_id', true))
  WITH CHECK (app_role() IN ('purchaser', 'system'));

-- Not FORCEd: the chain trigger (SECURITY DEFINER, the owner) must read the last record whoever inserts.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_insert ON audit_log FOR INSERT WITH CHECK (true);
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (app_role() IN ('controller', 'system'));

GRANT USAGE ON SCHEMA public TO zorginkoop_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON providers, provider_locations, care_products, standard_prices,
  addon_drugs, agreements, claim_imports, claims, users, sessions TO zorginkoop_app;
GRANT SELECT, INSERT ON audit_log TO zorginkoop_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM zorginkoop_app;
