/*
 * demo_support_db.h - the SQL the support part of the demo needs and no
 * domain offers: the cases of a team with their plans' goals and actions,
 * and the services of the social map per life domain.
 */
#ifndef WT_DEMO_SUPPORT_DB_H
#define WT_DEMO_SUPPORT_DB_H

#include "../db/db.h"

typedef struct demo_case_row {
    int64_t id, household_id, coordinator_id;
    const char *opened_on;
    const char *closed_on; /* NULL while open */
} demo_case_row;

typedef struct demo_goal_row {
    int64_t id;
    const char *domain, *situation, *strength, *body;
} demo_goal_row;

typedef struct demo_action_row {
    int64_t id;
    const char *layer, *domain, *status;
} demo_action_row;

typedef struct demo_service_row {
    const char *id, *organization_id, *organization_name, *line;
} demo_service_row;

/* The cases of a team, by id. */
wt_status demo_db_team_cases(db *c, arena *a, int64_t team_id, demo_case_row **out, int *n);
/* The goals of a case's plan, by id. */
wt_status demo_db_case_goals(db *c, arena *a, int64_t case_id, demo_goal_row **out, int *n);
/* The actions of a case's plan with their goal's domain, by id. */
wt_status demo_db_case_actions(db *c, arena *a, int64_t case_id, demo_action_row **out, int *n);
/* The active services for a life domain, by id. */
wt_status demo_db_services_for(db *c, arena *a, const char *domain, demo_service_row **out, int *n);

#endif
