-- The social map at the size of a region (20,000 services: make bench), and
-- the referral counts of its service page.
--
-- sm_service_point: each service at each of its locations with coordinates,
-- with the columns the search filters on, copied from sm_service (kept by
-- socialmap_refresh_service and the location rules; the column names are
-- those of sm_service, so one filter serves both). Its covering index on
-- latitude and longitude answers "within 2 km of this address" from a few
-- neighbouring index pages, without reading a service or location row.
CREATE TABLE sm_service_point (
    id TEXT NOT NULL REFERENCES sm_service(id),
    location_id TEXT NOT NULL REFERENCES sm_location(id),
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    organization_id TEXT NOT NULL,
    status TEXT NOT NULL,
    published INTEGER NOT NULL,
    free_of_charge INTEGER NOT NULL,
    line TEXT,
    life_domains TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    minimum_age DOUBLE PRECISION,
    maximum_age DOUBLE PRECISION,
    name_folded TEXT NOT NULL,
    PRIMARY KEY (id, location_id)
);
CREATE INDEX sm_service_point_near ON sm_service_point(latitude, longitude, id, location_id, status, published,
    free_of_charge, line, life_domains, target_groups, minimum_age, maximum_age, organization_id, name_folded);
CREATE INDEX sm_service_point_location ON sm_service_point(location_id);

-- The points of a map that was there before this migration.
INSERT INTO sm_service_point (id, location_id, latitude, longitude, organization_id, status, published, free_of_charge,
    line, life_domains, target_groups, minimum_age, maximum_age, name_folded)
SELECT DISTINCT s.id, l.id, l.latitude, l.longitude, s.organization_id, s.status, s.published, s.free_of_charge, s.line,
    s.life_domains, s.target_groups, s.minimum_age, s.maximum_age, s.name_folded
FROM sm_service s JOIN sm_service_at_location sal ON sal.service_id = s.id JOIN sm_location l ON l.id = sal.location_id
WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL;

-- A query word's weight for a service from the index alone.
DROP INDEX sm_service_word_service;
CREATE INDEX sm_service_word_service ON sm_service_word(service_id, word, weight);

-- The number of listed services (the map's first page) from an index.
CREATE INDEX sm_service_status ON sm_service(status);

-- The service page counts the referrals a service received and how many
-- were accepted (aggregates only): read from an index on the service.
CREATE INDEX referral_service ON referral(service_id, kind);
