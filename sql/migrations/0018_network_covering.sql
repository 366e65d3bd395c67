-- Matching at city scale (issue 5; make bench, README "Performance"): the walk
-- through a household's network reads a person's current relations of the
-- team, and from them only kind and the other person. With those columns in
-- the indexes the walk never visits the relation table itself: one proposal
-- reads a few index ranges, however large the city.
DROP INDEX relation_a;
DROP INDEX relation_b;
CREATE INDEX relation_a ON relation(person_a, ended_on, team_id, kind, person_b);
CREATE INDEX relation_b ON relation(person_b, ended_on, team_id, kind, person_a);
