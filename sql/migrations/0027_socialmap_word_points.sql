-- The words of the social map where they are: a search for a frequent word near a household.
--
-- "schuldhulp within 10 km" read every point of its box (2,051 on a map of 20,000 services) and kept
-- those of the 1,255 services with the word. sm_service_word_point holds each word of a service
-- (sm_service_word) at each of its points (sm_service_point), by row of latitude, word and longitude:
-- the search asks for its few rows and in each the word's range, and reads only the points that
-- have the word, in the box. smdb_service_points keeps it with the points.
CREATE TABLE sm_service_word_point (
    lat_row INTEGER NOT NULL,
    word TEXT NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    service_id TEXT NOT NULL,
    location_id TEXT NOT NULL,
    PRIMARY KEY (lat_row, word, longitude, latitude, service_id, location_id)
);
CREATE INDEX sm_service_word_point_service ON sm_service_word_point(service_id);

INSERT INTO sm_service_word_point (lat_row, word, longitude, latitude, service_id, location_id)
SELECT DISTINCT p.lat_row, w.word, p.longitude, p.latitude, p.id, p.location_id
FROM sm_service_point p JOIN sm_service_word w ON w.service_id = p.id;
