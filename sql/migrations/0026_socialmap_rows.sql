-- The points of the social map by row of latitude, so that a distance search reads its box, not a band.
--
-- A search within 2 km read every point whose latitude lay in the circle's band: across the whole
-- width of the country (1,692 index entries for 303 points in the circle, on a map of 20,000
-- services). sm_service_point.lat_row is the point's row of 0.02 degrees of latitude (about 2.2 km),
-- FLOOR(latitude * 50); the covering index starts with it and then the longitude, so a search asks
-- for its few rows (lat_row IN (...)) and in each the range of longitudes of its box
-- (smdb_service_points sets it; see SM_ROWS_PER_DEGREE).
ALTER TABLE sm_service_point ADD COLUMN lat_row INTEGER NOT NULL DEFAULT 0;
-- FLOOR in words both backends know: CAST truncates on SQLite and rounds on PostgreSQL.
UPDATE sm_service_point SET lat_row = CAST(latitude * 50 AS INTEGER)
    - CASE WHEN CAST(latitude * 50 AS INTEGER) > latitude * 50 THEN 1 ELSE 0 END;

DROP INDEX sm_service_point_near;
CREATE INDEX sm_service_point_near ON sm_service_point(lat_row, longitude, latitude, id, location_id, status, published,
    free_of_charge, line, life_domains, target_groups, minimum_age, maximum_age, organization_id, name_folded, cost);
