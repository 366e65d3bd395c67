-- What a service costs, for the search filter "gratis / eigen bijdrage / met kosten".
--
-- sm_service.cost is derived (by socialmap_refresh_service, see sm_cost_set) from the HSDS cost
-- options and fees_description: a set of codes " free contribution paid " like life_domains, ''
-- when nothing is known. sm_service_point copies it (its columns are those of sm_service that the
-- search filters on), and its covering index gains it, so a distance search with a cost filter
-- still reads no service row.
ALTER TABLE sm_service ADD COLUMN cost TEXT NOT NULL DEFAULT '';
ALTER TABLE sm_service_point ADD COLUMN cost TEXT NOT NULL DEFAULT '';

-- The map that was there before: the same rule in SQL (free: an option of amount 0; contribution:
-- an option (not of amount 0) or the fees description that speaks of a bijdrage, contributie or
-- lidmaatschap; paid: an option above 0 that is no contribution, or without options a fees description
-- that is neither a contribution nor free).
UPDATE sm_service SET cost =
    CASE WHEN EXISTS (SELECT 1 FROM sm_cost_option c WHERE c.service_id = sm_service.id AND c.amount = 0)
         THEN ' free' ELSE '' END
 || CASE WHEN EXISTS (SELECT 1 FROM sm_cost_option c WHERE c.service_id = sm_service.id
                      AND (c.amount IS NULL OR c.amount <> 0)
                      AND (LOWER(COALESCE(c."option", '') || ' ' || COALESCE(c.amount_description, '')) LIKE '%bijdrage%'
                        OR LOWER(COALESCE(c."option", '') || ' ' || COALESCE(c.amount_description, '')) LIKE '%contributie%'
                        OR LOWER(COALESCE(c."option", '') || ' ' || COALESCE(c.amount_description, '')) LIKE '%lidmaatschap%'))
           OR LOWER(COALESCE(fees_description, '')) LIKE '%bijdrage%'
           OR LOWER(COALESCE(fees_description, '')) LIKE '%contributie%'
           OR LOWER(COALESCE(fees_description, '')) LIKE '%lidmaatschap%'
         THEN ' contribution' ELSE '' END
 || CASE WHEN EXISTS (SELECT 1 FROM sm_cost_option c WHERE c.service_id = sm_service.id AND c.amount > 0
                      AND LOWER(COALESCE(c."option", '') || ' ' || COALESCE(c.amount_description, '')) NOT LIKE '%bijdrage%'
                      AND LOWER(COALESCE(c."option", '') || ' ' || COALESCE(c.amount_description, '')) NOT LIKE '%contributie%'
                      AND LOWER(COALESCE(c."option", '') || ' ' || COALESCE(c.amount_description, '')) NOT LIKE '%lidmaatschap%')
           OR (NOT EXISTS (SELECT 1 FROM sm_cost_option c WHERE c.service_id = sm_service.id)
               AND TRIM(COALESCE(fees_description, '')) <> ''
               AND LOWER(fees_description) NOT LIKE '%bijdrage%' AND LOWER(fees_description) NOT LIKE '%contributie%'
               AND LOWER(fees_description) NOT LIKE '%lidmaatschap%' AND LOWER(fees_description) NOT LIKE '%gratis%'
               AND LOWER(fees_description) NOT LIKE '%kosteloos%' AND LOWER(fees_description) NOT LIKE '%geen kosten%')
         THEN ' paid' ELSE '' END;
UPDATE sm_service SET cost = cost || ' ' WHERE cost <> '';
UPDATE sm_service_point SET cost = (SELECT s.cost FROM sm_service s WHERE s.id = sm_service_point.id);

DROP INDEX sm_service_point_near;
CREATE INDEX sm_service_point_near ON sm_service_point(latitude, longitude, id, location_id, status, published,
    free_of_charge, line, life_domains, target_groups, minimum_age, maximum_age, organization_id, name_folded, cost);
