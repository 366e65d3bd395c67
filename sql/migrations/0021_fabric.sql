-- The social fabric put to work across domains.
--
-- A plan action of the network or volunteer layer may point the household to a
-- collective activity of the team (issue 8.3: "a resident on a plan can be
-- pointed to an activity as a network-layer action").
ALTER TABLE action ADD COLUMN activity_id INTEGER REFERENCES activity(id);
CREATE INDEX action_activity ON action(activity_id);

-- Who or what recorded an offer (needs have their source already): a worker,
-- the front door (a question of kind "offer", kept in question_id), or the
-- resident himself.
ALTER TABLE offer ADD COLUMN source TEXT NOT NULL DEFAULT 'worker' CHECK (source IN ('worker', 'frontdoor', 'resident'));
ALTER TABLE offer ADD COLUMN question_id INTEGER REFERENCES question(id);
CREATE INDEX offer_question ON offer(question_id);
