-- Public transparency (MSZ §1, §5): the Dutch 4-digit postcode areas the price finder measures
-- distances from. Public reference data imported from the GeoNames postal-code file (CC BY 4.0,
-- credit GeoNames wherever coordinates from here are shown) by `zorginkoop geo import`.
-- No row-level security: nothing here is about a provider or a person.
--
-- A postcode area can hold several places (GeoNames lists 1521 for Wormerveer and Westknollendam):
-- the first line of the file names the area (`place`, coordinates); the other places are kept in
-- `other_places` so a search by their name still finds the area.
--
-- Publication of contracted providers needs no table: it follows from the policy calendar
-- (`publicatie-gecontracteerde-zorg`) and the agreement decisions, and the open price file carries a
-- content version (see src/app/public/publication.ts).

CREATE TABLE postcode_areas (
  postcode           char(4) PRIMARY KEY CHECK (postcode ~ '^[1-9][0-9]{3}$'),
  place              text NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 100),
  other_places       text[] NOT NULL DEFAULT '{}',
  municipality       text CHECK (municipality IS NULL OR length(btrim(municipality)) BETWEEN 1 AND 100),
  municipality_code  char(4) CHECK (municipality_code IS NULL OR municipality_code ~ '^[0-9]{4}$'),
  province           text CHECK (province IS NULL OR length(btrim(province)) BETWEEN 1 AND 100),
  -- European Netherlands, with a margin: a coordinate outside it is a broken line, not a place.
  latitude           double precision NOT NULL CHECK (latitude BETWEEN 50.6 AND 53.7),
  longitude          double precision NOT NULL CHECK (longitude BETWEEN 3.2 AND 7.3),
  source             text NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE, DELETE ON postcode_areas TO zorginkoop_app;
