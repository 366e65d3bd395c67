-- Search by name or date of birth within a team, at city scale (README
-- "Performance"). A common family name ("de vries": one resident in a hundred)
-- made the search read the matches of the whole city before the team was
-- known. With the team of the household on the person, the search reads only
-- the team's range of the indexes below. The database keeps person.team_id
-- equal to the team of the person's household (triggers), so no writer has to.
ALTER TABLE person ADD COLUMN team_id INTEGER REFERENCES team(id);
UPDATE person SET team_id = (SELECT h.team_id FROM household h WHERE h.id = person.household_id);
CREATE INDEX person_team_name ON person(team_id, name_folded);
CREATE INDEX person_team_family ON person(team_id, family_folded);
CREATE INDEX person_team_birth ON person(team_id, birth_date);

-- @sqlite
CREATE TRIGGER person_team_insert AFTER INSERT ON person
WHEN NEW.team_id IS NOT (SELECT team_id FROM household WHERE id = NEW.household_id)
BEGIN UPDATE person SET team_id = (SELECT team_id FROM household WHERE id = NEW.household_id) WHERE id = NEW.id; END;
CREATE TRIGGER person_team_move AFTER UPDATE OF household_id, team_id ON person
WHEN NEW.team_id IS NOT (SELECT team_id FROM household WHERE id = NEW.household_id)
BEGIN UPDATE person SET team_id = (SELECT team_id FROM household WHERE id = NEW.household_id) WHERE id = NEW.id; END;
CREATE TRIGGER household_team_change AFTER UPDATE OF team_id ON household
BEGIN UPDATE person SET team_id = NEW.team_id WHERE household_id = NEW.id; END;
-- @end
-- @postgresql
CREATE FUNCTION person_team_of_household() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN NEW.team_id := (SELECT team_id FROM household WHERE id = NEW.household_id); RETURN NEW; END $$;
CREATE TRIGGER person_team_set BEFORE INSERT OR UPDATE OF household_id, team_id ON person
FOR EACH ROW EXECUTE FUNCTION person_team_of_household();
CREATE FUNCTION household_team_to_persons() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN UPDATE person SET team_id = NEW.team_id WHERE household_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER household_team_change AFTER UPDATE OF team_id ON household
FOR EACH ROW EXECUTE FUNCTION household_team_to_persons();
-- @end
