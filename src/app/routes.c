/*
 * routes.c - the one list of domains whose routes the server offers. Each
 * domain keeps its own routes next to its handlers (<domain>_web.c,
 * <domain>_api.c) and registers them here.
 */
#include "routes.h"
#include "../http/router.h"
#include "home_web.h"
#include "../user/user_web.h"
#include "../user/user_api.h"
#include "../user/account_web.h"
#include "../household/household_web.h"
#include "../household/household_api.h"
#include "../frontdoor/frontdoor_web.h"
#include "../frontdoor/frontdoor_api.h"
#include "../case/case_web.h"
#include "../case/case_api.h"
#include "../plan/plan_web.h"
#include "../plan/plan_api.h"
#include "../contact/contact_web.h"
#include "../contact/contact_api.h"
#include "../team/team_web.h"
#include "../team/team_api.h"
#include "../neighbourhood/presence_web.h"
#include "../round/round_web.h"
#include "../round/round_api.h"
#include "../signal/signal_web.h"
#include "../signal/signal_api.h"
#include "../activity/activity_web.h"
#include "../activity/activity_api.h"
#include "../idea/idea_web.h"
#include "../idea/idea_api.h"
#include "../timeentry/timeentry_web.h"
#include "../timeentry/timeentry_api.h"
#include "../user/user_admin_web.h"
#include "../user/user_admin_api.h"
#include "../team/team_admin_web.h"
#include "../team/team_admin_api.h"
#include "../assessment/assessment_web.h"
#include "../assessment/assessment_api.h"
#include "../network/network_web.h"
#include "../network/network_api.h"
#include "../intake/intake_web.h"
#include "../intake/intake_api.h"
#include "../privacy/privacy_web.h"
#include "../privacy/privacy_api.h"
#include "../socialmap/socialmap_web.h"
#include "../socialmap/socialmap_api.h"
#include "../socialmap/hsds_api.h"
#include "../consent/consent_web.h"
#include "../consent/consent_api.h"
#include "../referral/referral_web.h"
#include "../referral/referral_api.h"
#include "../casemember/casemember_web.h"
#include "../casemember/casemember_api.h"
#include "../figures/figures_web.h"
#include "../figures/figures_api.h"

void routes_register(void)
{
    router_reset();
    home_web_routes();
    user_web_routes();
    user_api_routes();
    account_web_routes();
    account_api_routes();
    household_web_routes();
    household_api_routes();
    frontdoor_web_routes();
    frontdoor_api_routes();
    case_web_routes();
    case_api_routes();
    casemember_web_routes();
    casemember_api_routes();
    figures_web_routes();
    figures_api_routes();
    plan_web_routes();
    plan_api_routes();
    contact_web_routes();
    contact_api_routes();
    team_web_routes();
    team_api_routes();
    neighbourhood_web_routes();
    round_web_routes();
    round_api_routes();
    signal_web_routes();
    signal_api_routes();
    activity_web_routes();
    activity_api_routes();
    idea_web_routes();
    idea_api_routes();
    timeentry_web_routes();
    timeentry_api_routes();
    user_admin_web_routes();
    user_admin_api_routes();
    team_admin_web_routes();
    team_admin_api_routes();
    assessment_web_routes();
    assessment_api_routes();
    network_web_routes();
    network_api_routes();
    intake_web_routes();
    intake_api_routes();
    privacy_web_routes();
    privacy_api_routes();
    socialmap_web_routes();
    socialmap_api_routes();
    hsds_api_routes();
    consent_web_routes();
    consent_api_routes();
    referral_web_routes();
    referral_api_routes();
}
