-- Claims interoperability (Vektis ZH308/ZH309, FHIR R4): the answer to every imported claim file.
-- Per record of the file received (a claim line, or a record rejected on its own) its status and
-- return codes, so the ZH309 answer (retourinformatie) can be written at any time and downloaded by
-- the provider whose claims they are. A record names its provider when the file does (agb); rows
-- without a readable AGB are visible to insurer staff only.

CREATE TABLE claim_import_records (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id     bigint NOT NULL REFERENCES claim_imports (id),
  -- Line of the record in the file (ZH308: the prestatierecord's line; FHIR: Bundle entry index + 1).
  line          integer NOT NULL CHECK (line >= 1),
  -- Record type in the file (ZH308 kenmerk record: 04, or 02/06/16/98 for a record rejected on its own); NULL for CSV and FHIR.
  record_type   text CHECK (length(record_type) BETWEEN 1 AND 2),
  -- The sender's identification of the record (ZH308 identificatie detailrecord).
  record_id     bigint CHECK (record_id >= 0),
  claim_id      text CHECK (length(claim_id) BETWEEN 1 AND 64),
  agb           char(8) CHECK (agb ~ '^[0-9]{8}$'),
  status        text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  return_codes  text[] NOT NULL DEFAULT '{}',
  -- The problems as reported: [{ "line", "field", "code", "message" }].
  issues        jsonb NOT NULL DEFAULT '[]'::jsonb,
  amount_cents  bigint,
  CHECK (status = 'rejected' OR (claim_id IS NOT NULL AND agb IS NOT NULL AND cardinality(return_codes) = 0)),
  CHECK (status = 'accepted' OR cardinality(return_codes) > 0)
);
CREATE INDEX claim_import_records_import_line ON claim_import_records (import_id, line);
CREATE INDEX claim_import_records_agb_import ON claim_import_records (agb, import_id);

ALTER TABLE claim_import_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE claim_import_records FORCE ROW LEVEL SECURITY;
CREATE POLICY claim_import_records_read ON claim_import_records FOR SELECT USING (app_can_see(agb));
CREATE POLICY claim_import_records_insert ON claim_import_records FOR INSERT WITH CHECK (app_role() IN ('controller', 'system'));

GRANT SELECT, INSERT ON claim_import_records TO zorginkoop_app;
