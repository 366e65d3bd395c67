/* support_api.c - the support and network domains' part of other JSON answers (see support_api.h). */
#include "support_api.h"
#include "../assessment/assessment.h"
#include "../assessment/assessment_api.h"
#include "../network/network_api.h"
#include "../referral/referral.h"
#include "../referral/referral_api.h"

#define WORKLIST_SUPPORT_LIMIT 25

wt_status support_worklist_json(http_request *req, json_t *o)
{
    referral_waiting *w = NULL;
    int n = 0;
    wt_status st = referral_waiting_list(&req->ctx, WORKLIST_SUPPORT_LIMIT, &w, &n);
    if (st != WT_OK)
        return st;
    json_object_set_new(o, "referrals_waiting", referral_waiting_json(w, n));
    assessment_due_item *due = NULL;
    st = assessment_due_list(&req->ctx, req->ctx.who.user_id, WORKLIST_SUPPORT_LIMIT, &due, &n);
    if (st != WT_OK)
        return st;
    json_object_set_new(o, "assessments_due", assessment_due_json(due, n));
    return network_worklist_json(req, o);
}
