/* demo_people.c - households, persons, cases and plans of the demo neighbourhood. */
#include "demo.h"

wt_status demo_people(wt_ctx *ctx, const demo_options *opt, int64_t team_id, const char **err)
{
    (void)ctx;
    (void)opt;
    (void)team_id;
    (void)err;
    return WT_OK;
}
