/*
 * assessment.c - the rules of self-sufficiency assessments (see assessment.h):
 * scores 1..5, the date of an assessment, progress between first and latest,
 * the cadence, loading a scale from JSON, and access and audit of every read
 * and write.
 */
#include "assessment.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../case/case.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "assessment_db.h"

#include <ctype.h>
#include <jansson.h>
#include <string.h>

/* ---- the matrix ------------------------------------------------------------------------------------------------ */

int assessment_domain_index(const assessment_scale *s, const char *code)
{
    for (int i = 0; code && i < s->n_domains; i++)
        if (s->domains[i].code && strcmp(s->domains[i].code, code) == 0)
            return i;
    return -1;
}

int assessment_domain_index_by_id(const assessment_scale *s, int64_t domain_id)
{
    for (int i = 0; i < s->n_domains; i++)
        if (s->domains[i].id == domain_id)
            return i;
    return -1;
}

const char *assessment_score_label(arena *a, const assessment_scale *s, int score)
{
    if (score < 1 || score > ASSESSMENT_LEVELS)
        return _("niet beoordeeld");
    const char *label = s ? s->levels[score - 1].label : NULL;
    if (!label || !*label)
        return arena_printf(a, "%d", score);
    return arena_printf(a, "%d - %s", score, label);
}

/* ---- pure rules ------------------------------------------------------------------------------------------------ */

bool assessment_parse_score(const char *value, int *out)
{
    *out = 0;
    if (!value)
        return true;
    while (*value == ' ' || *value == '\t')
        value++;
    size_t n = strlen(value);
    while (n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t'))
        n--;
    if (n == 0 || (n == 2 && strncmp(value, "na", 2) == 0))
        return true;
    if (n == 1 && value[0] >= '1' && value[0] <= '0' + ASSESSMENT_LEVELS) {
        *out = value[0] - '0';
        return true;
    }
    return false;
}

static int month_length(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

wt_date assessment_add_months(wt_date d, int n)
{
    int months = d.y * 12 + (d.m - 1) + n;
    wt_date out = {months / 12, months % 12 + 1, d.d};
    int len = month_length(out.y, out.m);
    if (out.d > len)
        out.d = len;
    return out;
}

static bool has_control_chars(const char *s, bool allow_newlines)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (allow_newlines && (ch == '\n' || ch == '\r' || ch == '\t'))
            continue;
        if (ch < 0x20 || ch == 0x7f)
            return true;
    }
    return false;
}

/* A free text: trimmed, valid UTF-8, at most max characters; "" when empty. NULL (and an error) when bad. */
static const char *check_text(arena *a, errors *e, const char *field, const char *value, long max, bool multiline,
                              const char *too_long)
{
    char *v = text_trim(a, value);
    if (!v || !*v)
        return "";
    long len = text_utf8_len(v);
    if (len < 0 || has_control_chars(v, multiline)) {
        errors_add(e, field, _("Dit veld bevat ongeldige tekens."));
        return NULL;
    }
    if (len > max) {
        errors_add(e, field, too_long);
        return NULL;
    }
    return v;
}

static void validate_date(arena *a, const char *value, const char *birth_date, wt_date today, errors *e,
                          const char **out)
{
    const char *v = text_trim(a, value);
    wt_date d, birth;
    *out = NULL;
    if (!v || !*v) {
        errors_add(e, "assessed_on", _("Vul de datum van de meting in."));
    } else if (!date_parse(v, &d)) {
        errors_add(e, "assessed_on", _("Vul een geldige datum van de meting in, als JJJJ-MM-DD (bijvoorbeeld 2026-03-31)."));
    } else if (date_compare(d, today) > 0) {
        errors_add(e, "assessed_on", _("De datum van de meting ligt in de toekomst."));
    } else if (birth_date && date_parse(birth_date, &birth) && date_compare(d, birth) < 0) {
        errors_add(e, "assessed_on", _("De datum van de meting ligt vóór de geboortedatum van de bewoner."));
    } else {
        *out = v;
    }
}

/* Reads the typed scores into row, one slot per domain of the scale. */
static void validate_scores(arena *a, const assessment_scale *s, const assessment_input *in, errors *e,
                            assessment_row *out)
{
    bool *seen = arena_alloc(a, sizeof(bool) * (size_t)(s->n_domains ? s->n_domains : 1));
    int scored = 0, errors_before = e->count;
    for (int i = 0; i < in->n_scores; i++) {
        const assessment_score_input *si = &in->scores[i];
        const char *code = si->domain ? si->domain : "";
        const char *field = arena_printf(a, "scores.%s", code);
        int k = assessment_domain_index(s, code);
        if (k < 0) {
            errors_add(e, field, _("Dit domein hoort niet bij de gekozen matrix."));
            continue;
        }
        if (seen[k]) {
            errors_add(e, field, _("Dit domein is twee keer gescoord."));
            continue;
        }
        seen[k] = true;
        int score = 0;
        if (!assessment_parse_score(si->value, &score))
            errors_add(e, field,
                       arena_printf(a, _("De score voor %s moet 1, 2, 3, 4 of 5 zijn, of niet beoordeeld."),
                                    s->domains[k].name));
        out->scores[k] = score;
        if (score)
            scored++;
        const char *note = check_text(a, e, arena_printf(a, "notes.%s", code), si->note, ASSESSMENT_SCORE_NOTE_MAX, false,
                                      _("De toelichting bij een domein mag hoogstens 200 tekens lang zijn."));
        out->score_notes[k] = note ? note : "";
    }
    if (scored == 0 && e->count == errors_before)
        errors_add(e, "scores", _("Beoordeel minstens één domein met een score van 1 tot en met 5."));
}

wt_status assessment_validate(arena *a, const assessment_scale *s, const assessment_input *in, const char *birth_date,
                              wt_date today, errors *e, assessment_row *out)
{
    memset(out, 0, sizeof(*out));
    int nd = s->n_domains;
    out->n_scores = nd;
    out->scores = arena_alloc(a, sizeof(int) * (size_t)(nd ? nd : 1));
    out->score_notes = arena_alloc(a, sizeof(char *) * (size_t)(nd ? nd : 1));
    for (int k = 0; k < nd; k++)
        out->score_notes[k] = "";
    validate_date(a, in->assessed_on, birth_date, today, e, &out->assessed_on);
    const char *note = check_text(a, e, "note", in->note, ASSESSMENT_NOTE_MAX, true,
                                  _("De toelichting mag hoogstens 4000 tekens lang zijn."));
    out->note = note ? note : "";
    validate_scores(a, s, in, e, out);
    return e->count ? WT_INVALID : WT_OK;
}

/* ---- progress -------------------------------------------------------------------------------------------------- */

/* True when x was made before y (by date, then by id). */
static bool earlier(const assessment *x, const assessment *y)
{
    int c = strcmp(x->assessed_on ? x->assessed_on : "", y->assessed_on ? y->assessed_on : "");
    return c < 0 || (c == 0 && x->id < y->id);
}

static bool average(const assessment *it, int nd, double *avg)
{
    int sum = 0, cnt = 0;
    for (int k = 0; k < nd && k < it->n_scores; k++)
        if (it->scores[k]) {
            sum += it->scores[k];
            cnt++;
        }
    *avg = cnt ? (double)sum / cnt : 0.0;
    return cnt > 0;
}

void assessment_progress_compute(arena *a, const assessment_scale *s, const assessment *list, int n,
                                 assessment_progress *out)
{
    memset(out, 0, sizeof(*out));
    int nd = s->n_domains;
    out->n_domains = nd;
    out->domains = arena_alloc(a, sizeof(assessment_domain_progress) * (size_t)(nd ? nd : 1));
    out->n_assessments = n;
    if (n <= 0)
        return;
    const assessment *first = &list[0], *latest = &list[0];
    for (int i = 1; i < n; i++) {
        if (earlier(&list[i], first))
            first = &list[i];
        if (earlier(latest, &list[i]))
            latest = &list[i];
    }
    out->first_on = first->assessed_on;
    out->latest_on = latest->assessed_on;
    out->has_first_avg = average(first, nd, &out->first_avg);
    out->has_latest_avg = average(latest, nd, &out->latest_avg);
    int change_sum = 0;
    for (int k = 0; k < nd; k++) {
        assessment_domain_progress *dp = &out->domains[k];
        const assessment *df = NULL, *dl = NULL;
        for (int i = 0; i < n; i++) {
            if (k >= list[i].n_scores || !list[i].scores[k])
                continue;
            if (!df || earlier(&list[i], df))
                df = &list[i];
            if (!dl || earlier(dl, &list[i]))
                dl = &list[i];
        }
        if (!df)
            continue;
        dp->first = df->scores[k];
        dp->first_on = df->assessed_on;
        dp->latest = dl->scores[k];
        dp->latest_on = dl->assessed_on;
        if (df == dl)
            continue;
        dp->has_change = true;
        dp->change = dp->latest - dp->first;
        change_sum += dp->change;
        out->n_changed++;
        if (dp->change > 0)
            out->improved++;
        else if (dp->change < 0)
            out->declined++;
        else
            out->unchanged++;
    }
    out->avg_change = out->n_changed ? (double)change_sum / out->n_changed : 0.0;
}

/* ---- cadence --------------------------------------------------------------------------------------------------- */

void assessment_due_compute(arena *a, bool case_open, const char *case_opened_on, const char *last_assessed_on,
                            wt_date today, assessment_due *out)
{
    memset(out, 0, sizeof(*out));
    wt_date opened;
    if (!case_open || !case_opened_on || !date_parse(case_opened_on, &opened))
        return;
    out->applies = true;
    wt_date since = opened, last;
    if (last_assessed_on && date_parse(last_assessed_on, &last)) {
        wt_date next = assessment_add_months(last, ASSESSMENT_CADENCE_MONTHS);
        if (date_compare(next, opened) > 0)
            since = next;
    }
    char iso[11];
    date_format(since, iso);
    out->since = arena_strdup(a, iso);
    out->due = date_compare(since, today) <= 0;
}

/* ---- loading a scale from JSON --------------------------------------------------------------------------------- */

typedef struct scale_parser {
    arena *a;
    errors *e;
} scale_parser;

/* A required string member of at most max characters, without control characters; NULL after an error. */
static const char *json_text(scale_parser *p, json_t *o, const char *key, const char *path, long max, bool required)
{
    json_t *v = json_object_get(o, key);
    const char *field = *path ? arena_printf(p->a, "%s.%s", path, key) : key;
    if (!v || json_is_null(v)) {
        if (required)
            errors_add(p->e, field, _("Dit veld ontbreekt."));
        return required ? NULL : "";
    }
    if (!json_is_string(v)) {
        errors_add(p->e, field, _("Moet tekst zijn."));
        return NULL;
    }
    const char *s = text_trim(p->a, json_string_value(v));
    long len = text_utf8_len(s);
    if (len < 0 || has_control_chars(s, false)) {
        errors_add(p->e, field, _("Dit veld bevat ongeldige tekens."));
        return NULL;
    }
    if (required && len == 0) {
        errors_add(p->e, field, _("Dit veld is leeg."));
        return NULL;
    }
    if (len > max) {
        errors_add(p->e, field, arena_printf(p->a, _("Hoogstens %ld tekens."), max));
        return NULL;
    }
    return s;
}

/* Lower-case letters, digits and the given separators, 2..40 characters. */
static bool valid_code(const char *s, const char *seps)
{
    size_t n = s ? strlen(s) : 0;
    if (n < 2 || n > 40 || !islower((unsigned char)s[0]))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(islower(ch) || isdigit(ch) || strchr(seps, ch)))
            return false;
    }
    return true;
}

/* Members other than the allowed ones are refused: a typo must not silently drop data. */
static void unknown_members(scale_parser *p, json_t *o, const char *path, const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        (void)v;
        if (!text_in(key, allowed))
            errors_add(p->e, *path ? arena_printf(p->a, "%s.%s", path, key) : arena_strdup(p->a, key),
                       _("Onbekend veld."));
    }
}

static void parse_generic_levels(scale_parser *p, json_t *root, assessment_scale *out)
{
    json_t *levels = json_object_get(root, "levels");
    if (!json_is_array(levels) || json_array_size(levels) != ASSESSMENT_LEVELS) {
        errors_add(p->e, "levels", _("Geef precies 5 niveaus, van score 1 tot en met 5."));
        return;
    }
    static const char *const allowed[] = {"label", "description", NULL};
    for (int k = 0; k < ASSESSMENT_LEVELS; k++) {
        json_t *l = json_array_get(levels, (size_t)k);
        const char *path = arena_printf(p->a, "levels[%d]", k);
        if (!json_is_object(l)) {
            errors_add(p->e, path, _("Moet een object zijn met label en description."));
            continue;
        }
        unknown_members(p, l, path, allowed);
        const char *label = json_text(p, l, "label", path, 100, true);
        const char *desc = json_text(p, l, "description", path, 400, false);
        out->levels[k] = (assessment_level){label ? label : "", desc ? desc : ""};
    }
}

static void parse_domain(scale_parser *p, json_t *d, int i, assessment_domain *out)
{
    const char *path = arena_printf(p->a, "domains[%d]", i);
    memset(out, 0, sizeof(*out));
    out->position = i + 1;
    if (!json_is_object(d)) {
        errors_add(p->e, path, _("Moet een object zijn met code, name, description en levels."));
        return;
    }
    static const char *const allowed[] = {"code", "name", "description", "levels", NULL};
    unknown_members(p, d, path, allowed);
    out->code = json_text(p, d, "code", path, 40, true);
    if (out->code && !valid_code(out->code, "_"))
        errors_add(p->e, arena_printf(p->a, "%s.code", path),
                   _("Een code bestaat uit 2 tot 40 kleine letters, cijfers en _, en begint met een letter."));
    out->name = json_text(p, d, "name", path, 100, true);
    out->description = json_text(p, d, "description", path, 400, false);
    if (!out->description)
        out->description = "";
    json_t *levels = json_object_get(d, "levels");
    if (!json_is_array(levels) || json_array_size(levels) != ASSESSMENT_LEVELS) {
        errors_add(p->e, arena_printf(p->a, "%s.levels", path),
                   _("Geef precies 5 omschrijvingen (tekst), van score 1 tot en met 5."));
        return;
    }
    for (int k = 0; k < ASSESSMENT_LEVELS; k++) {
        json_t *l = json_array_get(levels, (size_t)k);
        const char *field = arena_printf(p->a, "%s.levels[%d]", path, k);
        const char *s = json_is_string(l) ? text_trim(p->a, json_string_value(l)) : NULL;
        long len = s ? text_utf8_len(s) : -1;
        if (!s || len <= 0 || len > 400 || has_control_chars(s, false))
            errors_add(p->e, field, _("Moet een omschrijving zijn van 1 tot 400 tekens."));
        else
            out->levels[k] = s;
    }
}

static void parse_domains(scale_parser *p, json_t *root, assessment_scale *out)
{
    json_t *domains = json_object_get(root, "domains");
    size_t n = json_is_array(domains) ? json_array_size(domains) : 0;
    if (n == 0 || n > ASSESSMENT_DOMAINS_MAX) {
        errors_add(p->e, "domains", _("Geef een lijst van 1 tot 30 domeinen."));
        return;
    }
    out->n_domains = (int)n;
    out->domains = arena_alloc(p->a, sizeof(assessment_domain) * n);
    for (int i = 0; i < (int)n; i++) {
        parse_domain(p, json_array_get(domains, (size_t)i), i, &out->domains[i]);
        for (int j = 0; j < i; j++) {
            const assessment_domain *x = &out->domains[i], *y = &out->domains[j];
            if (x->code && y->code && strcmp(x->code, y->code) == 0)
                errors_add(p->e, arena_printf(p->a, "domains[%d].code", i), _("Deze code komt al eerder voor."));
            if (x->name && y->name && strcmp(x->name, y->name) == 0)
                errors_add(p->e, arena_printf(p->a, "domains[%d].name", i), _("Deze naam komt al eerder voor."));
        }
    }
}

wt_status assessment_scale_parse(arena *a, const char *json, size_t len, errors *e, assessment_scale *out)
{
    memset(out, 0, sizeof(*out));
    json_error_t err;
    json_t *root = json_loadb(json ? json : "", json ? len : 0, JSON_REJECT_DUPLICATES, &err);
    if (!root || !json_is_object(root)) {
        errors_add(e, "json",
                   root ? _("Verwacht een JSON-object.")
                        : arena_printf(a, _("De JSON is ongeldig (regel %d, kolom %d): %s"), err.line, err.column,
                                       err.text));
        json_decref(root);
        return WT_INVALID;
    }
    scale_parser p = {a, e};
    static const char *const allowed[] = {"code", "name", "version", "description", "levels", "domains", NULL};
    unknown_members(&p, root, "", allowed);
    out->code = json_text(&p, root, "code", "", 40, true);
    if (out->code && !valid_code(out->code, "-_."))
        errors_add(e, "code", _("Een code bestaat uit 2 tot 40 kleine letters, cijfers, -, _ en ., en begint met een letter."));
    out->name = json_text(&p, root, "name", "", 100, true);
    out->version = json_text(&p, root, "version", "", 40, true);
    out->description = json_text(&p, root, "description", "", 4000, false);
    if (!out->description)
        out->description = "";
    out->active = true;
    parse_generic_levels(&p, root, out);
    parse_domains(&p, root, out);
    json_decref(root);
    return e->count ? WT_INVALID : WT_OK;
}

/* ---- access ---------------------------------------------------------------------------------------------------- */

/*
 * FORBIDDEN for roles without access to household content (administrator,
 * policy officer), NOTFOUND for a person of another team (existence does not leak).
 */
static wt_status person_access(wt_ctx *ctx, permission perm, int64_t person_id, assessment_person *out)
{
    memset(out, 0, sizeof(*out));
    if (!policy_allows(&ctx->who, perm, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = assessment_db_person(ctx->db, ctx->a, person_id, out);
    if (st != WT_OK)
        return st;
    if (!policy_allows(&ctx->who, perm, (policy_target){.team_id = out->team_id}))
        return WT_NOTFOUND;
    return case_household_access(ctx, out->household_id, perm); /* need-to-know */
}

static audit_subject subject_of(const assessment_person *p, int64_t case_id)
{
    return (audit_subject){p->household_id, p->id, case_id};
}

static wt_status scale_load(wt_ctx *ctx, assessment_scale *s)
{
    return assessment_db_scale_fill(ctx->db, ctx->a, s);
}

wt_status assessment_scales(wt_ctx *ctx, bool active_only, assessment_scale **out, int *n)
{
    *out = NULL;
    *n = 0;
    /* The matrix is no personal data: the administrator, who loads versions, may list them too. */
    if (!policy_allows(&ctx->who, PERM_CASE_READ, POLICY_NO_TARGET) &&
        !policy_allows(&ctx->who, PERM_USER_ADMIN, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = assessment_db_scales(ctx->db, ctx->a, active_only, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++)
        st = scale_load(ctx, &(*out)[i]);
    return st;
}

wt_status assessment_scale_get(wt_ctx *ctx, const char *code, assessment_scale *out)
{
    memset(out, 0, sizeof(*out));
    if (!policy_allows(&ctx->who, PERM_CASE_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = assessment_db_scale_by_code(ctx->db, ctx->a, code, out);
    return st == WT_OK ? scale_load(ctx, out) : st;
}

wt_status assessment_person_get(wt_ctx *ctx, int64_t person_id, bool write, assessment_person *out)
{
    wt_status st = person_access(ctx, write ? PERM_CASE_WRITE : PERM_CASE_READ, person_id, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "person", person_id, subject_of(out, out->case_id));
    return st;
}

/* ---- operations ------------------------------------------------------------------------------------------------ */

wt_status assessment_create(wt_ctx *ctx, int64_t person_id, const assessment_input *in, errors *e, int64_t *id)
{
    *id = 0;
    assessment_person p;
    wt_status st = person_access(ctx, PERM_CASE_WRITE, person_id, &p);
    if (st != WT_OK)
        return st;
    const char *code = in->scale && *in->scale ? in->scale : ASSESSMENT_DEFAULT_SCALE;
    assessment_scale s;
    st = assessment_db_scale_by_code(ctx->db, ctx->a, code, &s);
    if (st == WT_NOTFOUND || (st == WT_OK && !s.active)) {
        errors_add(e, "scale", _("Kies een matrix die in gebruik is."));
        return WT_INVALID;
    }
    if (st == WT_OK)
        st = scale_load(ctx, &s);
    if (st != WT_OK)
        return st;
    assessment_row row;
    if (assessment_validate(ctx->a, &s, in, p.birth_date, date_today(), e, &row) != WT_OK)
        return WT_INVALID;
    st = assessment_db_insert(ctx->db, person_id, p.case_id, s.id, &row, ctx->who.user_id, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        st = assessment_db_insert_scores(ctx->db, *id, &s, &row);
    if (st != WT_OK)
        return st;
    audit_log(ctx, AUDIT_CREATE, "assessment", *id, subject_of(&p, p.case_id));
    return WT_OK;
}

wt_status assessment_get(wt_ctx *ctx, int64_t id, assessment *out, assessment_scale *scale, assessment_person *person)
{
    if (!policy_allows(&ctx->who, PERM_CASE_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = assessment_db_get(ctx->db, ctx->a, id, out);
    if (st != WT_OK)
        return st;
    st = person_access(ctx, PERM_CASE_READ, out->person_id, person);
    if (st != WT_OK)
        return st;
    st = assessment_db_scale_by_id(ctx->db, ctx->a, out->scale_id, scale);
    if (st == WT_OK)
        st = scale_load(ctx, scale);
    if (st == WT_OK)
        st = assessment_db_fill_scores(ctx->db, ctx->a, out, 1, scale, 1);
    if (st != WT_OK)
        return st;
    audit_log(ctx, AUDIT_READ, "assessment", id, subject_of(person, out->case_id));
    return WT_OK;
}

/* The distinct scales of items, loaded with domains and levels. */
static wt_status load_scales(wt_ctx *ctx, const assessment *items, int n, assessment_scale **out, int *n_out)
{
    assessment_scale *scales = arena_alloc(ctx->a, sizeof(assessment_scale) * (size_t)(n ? n : 1));
    int k = 0;
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && i < n; i++) {
        bool known = false;
        for (int j = 0; j < k; j++)
            known = known || scales[j].id == items[i].scale_id;
        if (known)
            continue;
        st = assessment_db_scale_by_id(ctx->db, ctx->a, items[i].scale_id, &scales[k]);
        if (st == WT_OK)
            st = scale_load(ctx, &scales[k]);
        k++;
    }
    *out = scales;
    *n_out = k;
    return st;
}

/* Items, scales and the cadence of a person whose access was checked; logs each assessment read. */
static wt_status history_load(wt_ctx *ctx, const assessment_person *p, assessment_history *out)
{
    memset(out, 0, sizeof(*out));
    out->person = *p;
    wt_status st = assessment_db_person_list(ctx->db, ctx->a, p->id, ASSESSMENT_HISTORY_MAX + 1, &out->items, &out->n);
    if (st != WT_OK)
        return st;
    if (out->n > ASSESSMENT_HISTORY_MAX) { /* the oldest one only told that there are more */
        out->truncated = true;
        out->items++;
        out->n = ASSESSMENT_HISTORY_MAX;
    }
    st = load_scales(ctx, out->items, out->n, &out->scales, &out->n_scales);
    if (st == WT_OK)
        st = assessment_db_fill_scores(ctx->db, ctx->a, out->items, out->n, out->scales, out->n_scales);
    if (st != WT_OK)
        return st;
    for (int i = 0; i < out->n; i++)
        audit_log(ctx, AUDIT_READ, "assessment", out->items[i].id, subject_of(p, out->items[i].case_id));
    assessment_due_compute(ctx->a, p->case_id != 0, p->case_opened_on,
                           out->n ? out->items[out->n - 1].assessed_on : NULL, date_today(), &out->due);
    return WT_OK;
}

wt_status assessment_history_get(wt_ctx *ctx, int64_t person_id, assessment_history *out)
{
    assessment_person p;
    memset(out, 0, sizeof(*out));
    wt_status st = assessment_person_get(ctx, person_id, false, &p);
    if (st != WT_OK)
        return st;
    return history_load(ctx, &p, out);
}

const assessment_scale *assessment_history_scale(const assessment_history *h, int64_t scale_id)
{
    for (int i = 0; i < h->n_scales; i++)
        if (h->scales[i].id == scale_id)
            return &h->scales[i];
    return NULL;
}

int assessment_history_on_scale(arena *a, const assessment_history *h, int64_t scale_id, assessment **out)
{
    assessment *list = arena_alloc(a, sizeof(assessment) * (size_t)(h->n ? h->n : 1));
    int k = 0;
    for (int i = 0; i < h->n; i++)
        if (h->items[i].scale_id == scale_id)
            list[k++] = h->items[i];
    *out = list;
    return k;
}

/* Whether the cadence applies to a person: adults, those of unknown age, and anyone assessed before. */
static bool cadence_applies(const char *birth_date, bool assessed_before)
{
    wt_date b;
    if (assessed_before || !birth_date || !date_parse(birth_date, &b))
        return true;
    return date_age(b, date_today()) >= ASSESSMENT_ADULT_AGE;
}

wt_status assessment_household_summary(wt_ctx *ctx, int64_t household_id, assessment_member_summary **out, int *n)
{
    *out = NULL;
    *n = 0;
    if (!policy_allows(&ctx->who, PERM_CASE_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    int64_t team_id = 0;
    wt_status st = assessment_db_household_team(ctx->db, ctx->a, household_id, &team_id);
    if (st != WT_OK)
        return st;
    if (!team_id || !policy_allows(&ctx->who, PERM_CASE_READ, (policy_target){.team_id = team_id}))
        return WT_NOTFOUND;
    st = case_household_access(ctx, household_id, PERM_CASE_READ);
    if (st != WT_OK)
        return st;
    assessment_person *members = NULL;
    int nm = 0;
    st = assessment_db_members(ctx->db, ctx->a, household_id, ASSESSMENT_MEMBERS_MAX, &members, &nm);
    if (st != WT_OK)
        return st;
    assessment_member_summary *list = arena_alloc(ctx->a, sizeof(*list) * (size_t)(nm ? nm : 1));
    for (int i = 0; i < nm; i++) {
        assessment_history h;
        st = history_load(ctx, &members[i], &h);
        if (st != WT_OK)
            return st;
        assessment_member_summary *m = &list[i];
        m->person_id = members[i].id;
        m->name = members[i].name;
        m->n_assessments = h.n;
        if (cadence_applies(members[i].birth_date, h.n > 0))
            m->due = h.due;
        if (h.n == 0)
            continue;
        /* The scale of the latest assessment; progress over the assessments on that scale. */
        m->scale = assessment_history_scale(&h, h.items[h.n - 1].scale_id);
        assessment *on_scale = NULL;
        int k = assessment_history_on_scale(ctx->a, &h, h.items[h.n - 1].scale_id, &on_scale);
        if (m->scale)
            assessment_progress_compute(ctx->a, m->scale, on_scale, k, &m->progress);
    }
    *out = list;
    *n = nm;
    return WT_OK;
}

static int compare_due(const assessment_due_item *x, const assessment_due_item *y)
{
    return strcmp(x->due_since, y->due_since);
}

wt_status assessment_due_list(wt_ctx *ctx, int64_t coordinator_id, int limit, assessment_due_item **out, int *n)
{
    *out = NULL;
    *n = 0;
    if (!policy_allows(&ctx->who, PERM_CASE_READ, POLICY_NO_TARGET) || !ctx->who.team_id)
        return WT_FORBIDDEN;
    if (limit < 1 || limit > 100)
        limit = 100;
    assessment_due_candidate *cands = NULL;
    int nc = 0;
    wt_status st = assessment_db_due_candidates(ctx->db, ctx->a, ctx->who.team_id, coordinator_id, 1000, &cands, &nc);
    if (st != WT_OK)
        return st;
    assessment_due_item *items = arena_alloc(ctx->a, sizeof(*items) * (size_t)(nc ? nc : 1));
    int k = 0;
    wt_date today = date_today();
    for (int i = 0; i < nc; i++) {
        const assessment_due_candidate *c = &cands[i];
        if (!cadence_applies(c->birth_date, c->last_assessed_on != NULL))
            continue;
        assessment_due due;
        assessment_due_compute(ctx->a, true, c->case_opened_on, c->last_assessed_on, today, &due);
        if (!due.due)
            continue;
        const char *g = c->given_name ? c->given_name : "", *f = c->family_name ? c->family_name : "";
        items[k] = (assessment_due_item){c->person_id, arena_printf(ctx->a, "%s%s%s", g, *g && *f ? " " : "", f),
                                         c->household_id, c->household_name, c->case_id, c->last_assessed_on,
                                         due.since};
        /* insertion in order of due date: the longest overdue first */
        for (int j = k; j > 0 && compare_due(&items[j], &items[j - 1]) < 0; j--) {
            assessment_due_item t = items[j];
            items[j] = items[j - 1];
            items[j - 1] = t;
        }
        k++;
    }
    if (k > limit)
        k = limit;
    for (int i = 0; i < k; i++)
        audit_log(ctx, AUDIT_READ, "person", items[i].person_id,
                  (audit_subject){items[i].household_id, items[i].person_id, items[i].case_id});
    *out = items;
    *n = k;
    return WT_OK;
}

/* ---- scales from the console ----------------------------------------------------------------------------------- */

wt_status assessment_scale_load(wt_ctx *ctx, const char *json, size_t len, errors *e, int64_t *id)
{
    *id = 0;
    if (!policy_allows(&ctx->who, PERM_USER_ADMIN, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    assessment_scale s;
    wt_status st = assessment_scale_parse(ctx->a, json, len, e, &s);
    if (st != WT_OK)
        return st;
    assessment_scale existing;
    st = assessment_db_scale_by_code(ctx->db, ctx->a, s.code, &existing);
    if (st == WT_OK) {
        errors_add(e, "code", _("Er is al een matrix met deze code; geef een nieuwe versie een eigen code."));
        return WT_CONFLICT;
    }
    if (st != WT_NOTFOUND)
        return st;
    st = assessment_db_scale_insert(ctx->db, &s, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "assessment_scale", *id, (audit_subject){0, 0, 0});
    return st;
}

wt_status assessment_scale_set_active(wt_ctx *ctx, const char *code, bool active)
{
    if (!policy_allows(&ctx->who, PERM_USER_ADMIN, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    assessment_scale s;
    wt_status st = assessment_db_scale_by_code(ctx->db, ctx->a, code ? code : "", &s);
    if (st == WT_OK)
        st = assessment_db_scale_set_active(ctx->db, code, active);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "assessment_scale", s.id, (audit_subject){0, 0, 0});
    return st;
}
