-- Reference data the claim checks consult (beside the catalogue and providers): the NZa table of
-- diagnosis pairs that may not run as parallel subtrajecten, and the providers recognised as
-- specialised centres for add-on drugs that are bought only there (ADD §3, CieBAG conditions).

CREATE TABLE diagnosis_combinations (
  specialism   char(4) NOT NULL CHECK (specialism ~ '^[0-9]{4}$'),
  diagnosis_a  text NOT NULL,
  diagnosis_b  text NOT NULL,
  description  text,
  PRIMARY KEY (specialism, diagnosis_a, diagnosis_b),
  CHECK (diagnosis_a < diagnosis_b)
);

CREATE TABLE specialised_centres (
  agb          char(8) PRIMARY KEY REFERENCES providers (agb),
  recognition  text NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON diagnosis_combinations, specialised_centres TO zorginkoop_app;
