/*
 * user_admin_api.c - the administrator's user management over JSON:
 *   GET   /api/v1/users          a page of users (?team_id=, ?limit=, ?offset=)
 *   POST  /api/v1/users          a new user (with a password)
 *   GET   /api/v1/users/{id}     one user
 *   PATCH /api/v1/users/{id}     change details, set a new password, block or unblock
 *   DELETE /api/v1/users/{id}/totp  switch the user's second factor off (lost phone)
 * The same rules as the pages (user.c); a password or its hash is never returned.
 */
#include "user_admin_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "mfa.h"
#include "user.h"
#include "user_api.h"

#include <string.h>

/* A user as the administrator sees it: the public fields plus team name and creation time. */
static json_t *admin_user_json(const user *u)
{
    json_t *j = user_json(u);
    json_object_set_new(j, "team_name", json_str_or_null(u->team_id ? u->team_name : NULL));
    json_object_set_new(j, "created_at", json_str_or_null(u->created_at));
    json_object_set_new(j, "totp_enabled", json_boolean(u->totp_enabled));
    return j;
}

/* team_id from a body: absent keeps *out, null means no team, an id must be positive. */
static void body_team_id(json_t *body, int64_t *out, errors *e)
{
    json_t *v = json_object_get(body, "team_id");
    if (!v)
        return;
    if (json_is_null(v))
        *out = 0;
    else if (!json_is_integer(v))
        errors_add(e, "team_id", _("Moet een geheel getal (het id van een team) of null zijn."));
    else
        *out = json_integer_value(v) > 0 ? (int64_t)json_integer_value(v) : -1; /* -1: "no such team" */
}

static void get_users(http_request *req)
{
    wt_status st = user_check_admin(&req->ctx);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    user_filter f = {0, req_query(req, "q"), 0, 0};
    api_paging(req, &f.limit, &f.offset);
    errors e;
    errors_init(&e, req->a);
    const char *t = req_query(req, "team_id");
    if (t && *t && (!text_parse_int64(t, &f.team_id) || f.team_id <= 0)) {
        errors_add(&e, "team_id", _("Moet het id van een team zijn."));
        api_invalid(req, &e);
        return;
    }
    user *us;
    int n = 0;
    bool more = false;
    st = user_list_page(&req->ctx, &f, &us, &n, &more, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, admin_user_json(&us[i]));
    api_reply(req, 200, json_pack("{s:o, s:i, s:i, s:b}", "items", items, "limit", f.limit, "offset", f.offset, "more", more));
}

static const char *const create_members[] = {"username", "display_name", "role", "discipline", "team_id", "password", NULL};

static void post_users(http_request *req)
{
    wt_status st = user_check_admin(&req->ctx);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    api_refuse_unknown(body, create_members, NULL, &e);
    user_input in = {
        .username = arena_strdup(req->a, api_str(body, "username", &e)),
        .display_name = arena_strdup(req->a, api_str(body, "display_name", &e)),
        .role = arena_strdup(req->a, api_str(body, "role", &e)),
        .discipline = arena_strdup(req->a, api_str(body, "discipline", &e)),
        .password = arena_strdup(req->a, api_str(body, "password", &e)),
    };
    body_team_id(body, &in.team_id, &e);
    json_decref(body);
    if (!in.password)
        in.password = "";
    int64_t id = 0;
    st = user_create(&req->ctx, &in, &e, &id); /* writes nothing when e already holds an error */
    user u;
    if (st == WT_OK)
        st = user_admin_get(&req->ctx, id, &u);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    resp_header(req, "Location", arena_printf(req->a, "/api/v1/users/%lld", (long long)id));
    api_reply(req, 201, admin_user_json(&u));
}

static void get_user(http_request *req)
{
    user u;
    wt_status st = user_admin_get(&req->ctx, req->ids[0], &u);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, admin_user_json(&u));
}

static const char *const patch_members[] = {"username", "display_name", "role", "discipline", "team_id", "password",
                                            "disabled", NULL};
/* Read-only members a client may send back unchanged; they are ignored. */
static const char *const readonly_members[] = {"id", "team_name", "created_at", "totp_enabled", NULL};

/* Applies the members of a PATCH body in order: details, password, blocked. */
static wt_status apply_patch(http_request *req, json_t *body, const user *u, errors *e)
{
    user_input in = {u->username, u->display_name, role_code(u->role), u->discipline, NULL, u->team_id};
    static const char *const details[] = {"username", "display_name", "role", "discipline", "team_id", NULL};
    bool change_details = false;
    for (int i = 0; details[i]; i++)
        if (json_object_get(body, details[i]))
            change_details = true;
    if (json_object_get(body, "username"))
        in.username = api_str(body, "username", e);
    if (json_object_get(body, "display_name"))
        in.display_name = api_str(body, "display_name", e);
    if (json_object_get(body, "role"))
        in.role = api_str(body, "role", e);
    if (json_object_get(body, "discipline"))
        in.discipline = api_str(body, "discipline", e);
    body_team_id(body, &in.team_id, e);
    const char *password = json_object_get(body, "password") ? api_str(body, "password", e) : NULL;
    bool has_password = json_object_get(body, "password") != NULL;
    bool has_disabled = json_object_get(body, "disabled") != NULL;
    bool disabled = has_disabled ? api_bool(body, "disabled", e) : u->disabled;
    wt_status st = WT_OK;
    if (change_details || e->count)
        st = user_update(&req->ctx, u->id, &in, e);
    if ((st == WT_OK || st == WT_INVALID) && has_password) {
        wt_status ps = user_set_password(&req->ctx, u->id, password ? password : "", e);
        st = st == WT_OK ? ps : st;
    }
    if (st == WT_OK && e->count)
        st = WT_INVALID;
    if (st == WT_OK && has_disabled && disabled != u->disabled) {
        st = user_set_disabled(&req->ctx, u->id, disabled);
        if (st == WT_CONFLICT)
            errors_add(e, "disabled", _("U kunt uw eigen account niet blokkeren; vraag dat zo nodig een andere beheerder."));
    }
    return st;
}

static void patch_user(http_request *req)
{
    user u;
    wt_status st = user_admin_get(&req->ctx, req->ids[0], &u);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    api_refuse_unknown(body, patch_members, readonly_members, &e);
    st = apply_patch(req, body, &u, &e);
    json_decref(body);
    if (st == WT_OK)
        st = user_admin_get(&req->ctx, u.id, &u);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, 200, admin_user_json(&u));
}

static void delete_totp(http_request *req)
{
    wt_status st = mfa_reset(&req->ctx, req->ids[0]);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    req->status = 204;
    req->content_type = "application/json";
}

void user_admin_api_routes(void)
{
    router_add("GET", "/api/v1/users", get_users, ROUTE_API);
    router_add("POST", "/api/v1/users", post_users, ROUTE_API);
    router_add("GET", "/api/v1/users/{id}", get_user, ROUTE_API);
    router_add("PATCH", "/api/v1/users/{id}", patch_user, ROUTE_API);
    router_add("DELETE", "/api/v1/users/{id}/totp", delete_totp, ROUTE_API);
}
