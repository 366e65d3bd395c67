/* timeentry_db.c - SQL of time entries and the team's balance (see timeentry_db.h). */
#include "timeentry_db.h"

#include <string.h>

wt_status timeentry_db_set(db *c, int64_t user_id, const char *day, const char *block, int minutes, const char *now)
{
    if (minutes == 0)
        return db_exec(c, "DELETE FROM time_entry WHERE user_id = ? AND day = ? AND block = ?",
                       DB_ARGS(DB_I(user_id), DB_T(day), DB_T(block)));
    return db_exec(c,
                   "INSERT INTO time_entry (user_id, day, block, minutes, updated_at) VALUES (?, ?, ?, ?, ?)"
                   " ON CONFLICT (user_id, day, block) DO UPDATE SET minutes = excluded.minutes,"
                   " updated_at = excluded.updated_at",
                   DB_ARGS(DB_I(user_id), DB_T(day), DB_T(block), DB_I(minutes), DB_T(now)));
}

wt_status timeentry_db_days(db *c, arena *a, int64_t user_id, const char *from, const char *to, int max,
                            time_day **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT day, block, minutes FROM time_entry WHERE user_id = ? AND day >= ? AND day <= ?"
                            " ORDER BY day DESC LIMIT ?",
                            DB_ARGS(DB_I(user_id), DB_T(from), DB_T(to), DB_I(max * TIME_BLOCKS)));
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(time_day) * (size_t)(r.nrows + 1));
    *n = 0;
    for (int i = 0; i < r.nrows; i++) {
        const char *day = db_get(&r, i, 0);
        if (*n == 0 || strcmp((*out)[*n - 1].day, day) != 0) {
            if (*n == max)
                break;
            (*out)[(*n)++] = (time_day){.day = day};
        }
        time_day *d = &(*out)[*n - 1];
        int b = time_block_index(db_get(&r, i, 1));
        int m = (int)db_get_int(&r, i, 2);
        if (b >= 0) {
            d->minutes[b] += m;
            d->total += m;
        }
    }
    return WT_OK;
}

wt_status timeentry_db_workers(db *c, arena *a, int64_t team_id, int max, balance_worker **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT id, display_name FROM app_user WHERE team_id = ? AND role IN ('worker', 'teamleader')"
                            " AND disabled = 0 ORDER BY display_name LIMIT ?",
                            DB_ARGS(DB_I(team_id), DB_I(max)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(balance_worker) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        (*out)[i].user_id = db_get_int(&r, i, 0);
        (*out)[i].name = db_get(&r, i, 1);
    }
    return WT_OK;
}

wt_status timeentry_db_team_rows(db *c, arena *a, int64_t team_id, const char *from, const char *to,
                                 time_balance *b)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT t.user_id, t.day, t.block, SUM(t.minutes) FROM time_entry t"
                            " WHERE t.user_id IN (SELECT u.id FROM app_user u WHERE u.team_id = ?)"
                            " AND t.day >= ? AND t.day <= ? GROUP BY t.user_id, t.day, t.block",
                            DB_ARGS(DB_I(team_id), DB_T(from), DB_T(to)));
    if (st != WT_OK)
        return st;
    for (int i = 0; i < r.nrows; i++) {
        int64_t uid = db_get_int(&r, i, 0);
        int w = -1;
        for (int k = 0; k < b->n_workers; k++)
            if (b->workers[k].user_id == uid)
                w = k;
        wt_date d;
        if (!date_parse(db_get(&r, i, 1), &d))
            continue;
        timeentry_balance_add(b, w, date_to_days(d), time_block_index(db_get(&r, i, 2)), (int)db_get_int(&r, i, 3));
    }
    return WT_OK;
}
