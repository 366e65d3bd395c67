/* figures_db.h - the SQL aggregates behind the figures (see figures.h). Only counts per category leave these queries. */
#ifndef WT_FIGURES_DB_H
#define WT_FIGURES_DB_H

#include "../db/db.h"
#include "figures.h"

typedef struct fig_scope {
    int64_t team_id;   /* 0: every team */
    const char *area;  /* neighbourhood code, "" for every one */
    const char *from_day; /* first day of the month series */
} fig_scope;

/* Teams (id as code, name), all or one. */
wt_status figures_db_teams(db *c, arena *a, int64_t team_id, fig_choice **out, int *n);
/* Neighbourhoods of the team (0: all), by name. */
wt_status figures_db_areas(db *c, arena *a, int64_t team_id, fig_choice **out, int *n);

/* The domains of the ZRM as rows (code, name) of t. */
wt_status figures_db_zrm_domains(db *c, arena *a, fig_table *t);
/* Each adds its counts to the rows of t whose code matches (rows not in t are ignored). */
wt_status figures_db_case_status(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_open_per_area(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_open_per_team(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_new_per_month(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_goal_domains(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_action_layers(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_referral_statuses(db *c, arena *a, const fig_scope *s, fig_table *t);
/* ZRM: per domain the number of persons with two scored assessments (count) and the sum of their changes (value). */
wt_status figures_db_zrm_change(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_question_channels(db *c, arena *a, const fig_scope *s, fig_table *t);
wt_status figures_db_signal_statuses(db *c, arena *a, const fig_scope *s, fig_table *t);
/* Minutes per time block of the team's workers since from_day (value, in hours). */
wt_status figures_db_presence_hours(db *c, arena *a, const fig_scope *s, fig_table *t);

#endif
