/*
 * assessment_web.c - the pages of self-sufficiency assessments (see
 * assessment_web.h).
 *
 * The history page shows, per scale, the progress in words first (averages,
 * domains up and down), then the chart (small SVG multiples, no JavaScript)
 * and the table with the same numbers, then the list of assessments. The form
 * has one group of radio buttons per domain, each score labelled with what it
 * means in that domain, so a worker scores against the description rather
 * than from memory; the previous score is shown beside each domain.
 */
#include "assessment_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "assessment.h"
#include "assessment_chart.h"

#include <string.h>

#define HOME_DUE_LIMIT 10

static bool web_failed(http_request *req, wt_status st)
{
    return page_failed(req, st, _("U hebt geen toegang tot metingen van zelfredzaamheid."),
                       _("Deze bewoner of meting bestaat niet, of hoort niet bij uw team."));
}

static void back_link(http_request *req, const assessment_person *p)
{
    if (p->case_id)
        html_printf(&req->out,
                    "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%lld#h-zrm\">%s %s</a></p>",
                    (long long)p->case_id, _("Terug naar de casus van"), p->household_name);
    else
        html_printf(&req->out,
                    "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld\">%s %s</a></p>",
                    (long long)p->household_id, _("Terug naar"), p->household_name);
}

/* "Een nieuwe meting is aan de beurt sinds 12 juni 2026." / "De volgende meting: ..." */
static void due_line(http_request *req, const assessment_due *d)
{
    if (!d->applies)
        return;
    if (d->due)
        html_printf(&req->out, "<div class=\"wt-warning\"><p class=\"utrecht-paragraph\"><strong>%s %s.</strong></p></div>",
                    _("Een nieuwe meting is aan de beurt sinds"), date_display(req->a, d->since));
    else
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s %s.</p>", _("De volgende meting is aan de beurt op"),
                    date_display(req->a, d->since));
}

/* ---- the history page --------------------------------------------------------------------------------------------- */

static const char *progress_sentence(http_request *req, const assessment_progress *p)
{
    if (p->n_assessments < 2 || !p->has_first_avg || !p->has_latest_avg)
        return _("Na een tweede meting ziet u hier de voortgang.");
    return arena_printf(req->a,
                        _("Gemiddelde score van %s (%s) naar %s (%s): %s per domein. %d domeinen vooruit, %d achteruit, "
                          "%d gelijk."),
                        assessment_decimal(req->a, p->first_avg, false), date_display(req->a, p->first_on),
                        assessment_decimal(req->a, p->latest_avg, false), date_display(req->a, p->latest_on),
                        assessment_decimal(req->a, p->avg_change, true), p->improved, p->declined, p->unchanged);
}

static void scale_block(http_request *req, const assessment_history *h, const assessment_scale *s, int index)
{
    buf *b = &req->out;
    assessment *items = NULL;
    int n = assessment_history_on_scale(req->a, h, s->id, &items);
    if (n == 0)
        return;
    assessment_progress p;
    assessment_progress_compute(req->a, s, items, n, &p);
    const char *id = arena_printf(req->a, "zrm%d", index);
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-%s\"><h2 class=\"utrecht-heading-2\" id=\"h-%s\">%s %s</h2>",
                id, id, s->name, s->version);
    html_printf(b, "<p class=\"utrecht-paragraph wt-lead\">%s</p>", progress_sentence(req, &p));
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Scores per domein over de tijd"));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Per domein een lijn van de eerste naar de laatste meting; 1 is acute problematiek, 5 volledig "
                  "zelfredzaam. Dezelfde cijfers staan in de tabel eronder."));
    assessment_chart_svg(b, req->a, s, items, n, id);
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("De scores als tabel"));
    assessment_chart_table(b, req->a, s, items, n, &p, arena_printf(req->a, _("Scores per meting, %s"), s->name));
    html_raw(b, "</section>");
}

static void history_list(http_request *req, const assessment_history *h)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-metingen\"><h2 class=\"utrecht-heading-2\" id=\"h-metingen\">%s</h2>",
                _("Alle metingen"));
    if (h->truncated)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %d %s</p>", _("De laatste"), ASSESSMENT_HISTORY_MAX,
                    _("metingen; oudere staan in het archief."));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = h->n - 1; i >= 0; i--) {
        const assessment *it = &h->items[i];
        const assessment_scale *s = assessment_history_scale(h, it->scale_id);
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/assessments/%lld\">%s %s</a>",
                    (long long)it->id, _("Meting van"), date_display(req->a, it->assessed_on));
        html_printf(b, " <span class=\"wt-muted\">%s %s%s%s</span></p></li>", _("door"),
                    *it->assessed_by_name ? it->assessed_by_name : _("onbekend"), s ? ", " : "", s ? s->name : "");
    }
    html_raw(b, "</ul></section>");
}

static void get_history(http_request *req)
{
    assessment_history h;
    if (web_failed(req, assessment_history_get(&req->ctx, req->ids[0], &h)))
        return;
    buf *b = &req->out;
    page_begin(req, arena_printf(req->a, "%s - %s", _("Zelfredzaamheid"), h.person.name));
    back_link(req, &h.person);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Zelfredzaamheid van"), h.person.name);
    due_line(req, &h.due);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/persons/%lld/assessments/new\">%s</a></p>",
                (long long)h.person.id, _("Nieuwe meting invullen"));
    if (h.n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Er is nog geen meting."));
        page_end(req);
        return;
    }
    for (int i = 0; i < h.n_scales; i++)
        scale_block(req, &h, &h.scales[i], i + 1);
    history_list(req, &h);
    page_end(req);
}

/* ---- the form ----------------------------------------------------------------------------------------------------- */

typedef struct form_state {
    const errors *e;
    bool posted;
    const assessment *previous; /* latest assessment on this scale, NULL when none */
} form_state;

static const char *posted(http_request *req, const form_state *f, const char *name, const char *dflt)
{
    if (!f->posted)
        return dflt;
    const char *v = kv_get(&req->form, name);
    return v ? v : "";
}

static void radio(http_request *req, const char *name, const char *id, const char *value, bool checked,
                  const char *label, const char *detail)
{
    html_printf(&req->out,
                "<div class=\"wt-radio\"><input class=\"utrecht-radio-button utrecht-radio-button--html-input\""
                " type=\"radio\" id=\"%s\" name=\"%s\" value=\"%s\"%s><label class=\"utrecht-form-label "
                "utrecht-form-label--radio\" for=\"%s\"><strong>%s</strong>%s%s</label></div>",
                id, name, value, checked ? " checked" : "", id, label, detail && *detail ? " " : "",
                detail ? detail : "");
}

static void domain_fieldset(http_request *req, const assessment_scale *s, int k, const form_state *f)
{
    const assessment_domain *d = &s->domains[k];
    const char *name = arena_printf(req->a, "scores.%s", d->code);
    const char *note_name = arena_printf(req->a, "notes.%s", d->code);
    const char *error = f->e ? errors_get(f->e, name) : NULL;
    const char *value = posted(req, f, name, "");
    int prev = f->previous && k < f->previous->n_scores ? f->previous->scores[k] : 0;
    html_printf(&req->out, "<fieldset class=\"utrecht-form-fieldset wt-fieldset%s\" id=\"f-%s\"%s>",
                error ? " utrecht-form-fieldset--invalid" : "", name,
                error ? arena_printf(req->a, " aria-describedby=\"f-%s-error\"", name) : "");
    html_printf(&req->out, "<legend class=\"utrecht-form-fieldset__legend\">%s</legend>", d->name);
    html_printf(&req->out, "<p class=\"utrecht-form-field-description\">%s", d->description);
    if (prev)
        html_printf(&req->out, " <strong>%s %d.</strong>", _("Vorige meting:"), prev);
    html_raw(&req->out, "</p>");
    if (error)
        html_printf(&req->out,
                    "<p class=\"utrecht-form-field-error-message\" id=\"f-%s-error\"><span class=\"wt-visually-hidden\">%s </span>%s</p>",
                    name, _("Fout:"), error);
    for (int sc = 1; sc <= ASSESSMENT_LEVELS; sc++) {
        char v[2] = {(char)('0' + sc), 0};
        radio(req, name, arena_printf(req->a, "r-%s-%d", d->code, sc), v, strcmp(value, v) == 0,
              assessment_score_label(req->a, s, sc), d->levels[sc - 1]);
    }
    radio(req, name, arena_printf(req->a, "r-%s-na", d->code), "", strcmp(value, "") == 0 || strcmp(value, "na") == 0,
          _("Niet beoordeeld"), NULL);
    field_text(req, &(field){.name = note_name, .label = arena_printf(req->a, _("Toelichting bij %s"), d->name),
                             .value = posted(req, f, note_name, ""), .maxlength = ASSESSMENT_SCORE_NOTE_MAX,
                             .error = f->e ? errors_get(f->e, note_name) : NULL});
    html_raw(&req->out, "</fieldset>");
}

/* The latest assessment of the person on scale s (for "Vorige meting"), NULL when none. */
static const assessment *previous_on(http_request *req, int64_t person_id, const assessment_scale *s)
{
    assessment_history h;
    if (assessment_history_get(&req->ctx, person_id, &h) != WT_OK)
        return NULL;
    assessment *items = NULL;
    int n = assessment_history_on_scale(req->a, &h, s->id, &items);
    return n > 0 ? &items[n - 1] : NULL;
}

static void scale_choice(http_request *req, const assessment_person *p, const assessment_scale *scales, int n,
                         const assessment_scale *s)
{
    if (n < 2)
        return;
    option *opts = arena_alloc(req->a, sizeof(option) * (size_t)n);
    for (int i = 0; i < n; i++)
        opts[i] = (option){scales[i].code, arena_printf(req->a, "%s %s", scales[i].name, scales[i].version)};
    form_begin_get(req, arena_printf(req->a, "/persons/%lld/assessments/new", (long long)p->id), "wt-form--inline");
    field_select(req, &(field){.name = "scale", .label = _("Matrix"), .value = s->code, .required = true}, opts, n);
    form_button(req, _("Andere matrix kiezen"), false);
    form_end(req);
}

static void form_page(http_request *req, const assessment_person *p, const assessment_scale *s,
                      const assessment_scale *scales, int n_scales, const form_state *f)
{
    page_begin(req, arena_printf(req->a, "%s - %s", _("Nieuwe meting"), p->name));
    back_link(req, p);
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Nieuwe meting van"), p->name);
    error_summary(req, f->e);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s %s %s. %s</p>", s->name, s->version, _("in gebruik"),
                _("Kies per domein de score die het best past; een domein dat u deze keer niet besprak, laat u op "
                  "\"niet beoordeeld\"."));
    scale_choice(req, p, scales, n_scales, s);
    form_begin(req, arena_printf(req->a, "/persons/%lld/assessments", (long long)p->id), NULL);
    html_printf(&req->out, "<input type=\"hidden\" name=\"scale\" value=\"%s\">", s->code);
    field_text(req, &(field){.name = "assessed_on", .label = _("Datum van de meting"), .type = "date", .required = true,
                             .value = posted(req, f, "assessed_on", date_today_iso(req->a)),
                             .error = f->e ? errors_get(f->e, "assessed_on") : NULL});
    if (f->e && errors_get(f->e, "scores"))
        html_printf(&req->out, "<p class=\"utrecht-form-field-error-message\" id=\"f-scores\">%s</p>",
                    errors_get(f->e, "scores"));
    for (int k = 0; k < s->n_domains; k++)
        domain_fieldset(req, s, k, f);
    field_textarea(req, &(field){.name = "note", .label = _("Toelichting bij de meting"),
                                 .value = posted(req, f, "note", ""), .maxlength = ASSESSMENT_NOTE_MAX,
                                 .error = f->e ? errors_get(f->e, "note") : NULL},
                   3);
    form_button(req, _("Meting opslaan"), true);
    form_end(req);
    page_end(req);
}

/* The scale for the form: ?scale= or the default, among the active ones. */
static const assessment_scale *chosen_scale(const assessment_scale *scales, int n, const char *code)
{
    for (int i = 0; code && i < n; i++)
        if (strcmp(scales[i].code, code) == 0)
            return &scales[i];
    for (int i = 0; i < n; i++)
        if (strcmp(scales[i].code, ASSESSMENT_DEFAULT_SCALE) == 0)
            return &scales[i];
    return n > 0 ? &scales[0] : NULL;
}

static void show_form(http_request *req, const char *scale_code, const errors *e, bool was_posted)
{
    assessment_person p;
    if (web_failed(req, assessment_person_get(&req->ctx, req->ids[0], true, &p)))
        return;
    assessment_scale *scales = NULL;
    int n = 0;
    if (web_failed(req, assessment_scales(&req->ctx, true, &scales, &n)))
        return;
    const assessment_scale *s = chosen_scale(scales, n, scale_code);
    if (!s) {
        page_error(req, 409, _("Er is geen matrix in gebruik; vraag de beheerder er een te laden."));
        return;
    }
    form_page(req, &p, s, scales, n, &(form_state){e, was_posted, previous_on(req, p.id, s)});
}

static void get_new(http_request *req)
{
    show_form(req, req_query(req, "scale"), NULL, false);
}

/* The scores of the form: every field "scores.<code>" with its note "notes.<code>". */
static void input_from_form(http_request *req, assessment_input *in)
{
    memset(in, 0, sizeof(*in));
    in->scale = req_form(req, "scale");
    in->assessed_on = req_form(req, "assessed_on");
    in->note = kv_get(&req->form, "note");
    in->scores = arena_alloc(req->a, sizeof(assessment_score_input) * (size_t)(req->form.n ? req->form.n : 1));
    for (int i = 0; i < req->form.n; i++) {
        const kv *f = &req->form.items[i];
        if (strncmp(f->key, "scores.", 7) != 0)
            continue;
        const char *code = f->key + 7;
        in->scores[in->n_scores++] = (assessment_score_input){
            code, f->value, kv_get(&req->form, arena_printf(req->a, "notes.%s", code))};
    }
}

static void post_assessment(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    assessment_input in;
    input_from_form(req, &in);
    int64_t id = 0;
    wt_status st = assessment_create(&req->ctx, req->ids[0], &in, &e, &id);
    if (st == WT_INVALID) {
        show_form(req, in.scale, &e, true);
        if (req->status < 400)
            req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/persons/%lld/assessments", (long long)req->ids[0]), "assessment");
}

/* ---- one assessment ----------------------------------------------------------------------------------------------- */

static void get_assessment(http_request *req)
{
    assessment it;
    assessment_scale s;
    assessment_person p;
    if (web_failed(req, assessment_get(&req->ctx, req->ids[0], &it, &s, &p)))
        return;
    buf *b = &req->out;
    const char *title = arena_printf(req->a, "%s %s %s", _("Meting van"), p.name, date_display(req->a, it.assessed_on));
    page_begin(req, title);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/persons/%lld/assessments\">%s %s</a></p>",
                (long long)p.id, _("Alle metingen van"), p.name);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    html_printf(b, "<dl class=\"wt-facts\"><dt>%s</dt><dd>%s %s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>",
                _("Matrix"), s.name, s.version, _("Ingevuld door"),
                *it.assessed_by_name ? it.assessed_by_name : _("onbekend"), _("Vastgelegd op"),
                date_display(req->a, it.created_at));
    if (!text_empty(it.note))
        html_printf(b, "<p class=\"utrecht-paragraph wt-pre\">%s</p>", it.note);
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table\"><caption class=\"utrecht-table__caption\">%s</caption>"
                "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead><tbody class=\"utrecht-table__body\">",
                _("Score per domein"), _("Domein"), _("Score"), _("Toelichting"));
    for (int k = 0; k < s.n_domains; k++)
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td></tr>",
                    s.domains[k].name, assessment_score_label(req->a, &s, it.scores[k]), it.score_notes[k]);
    html_raw(b, "</tbody></table></div>");
    page_end(req);
}

/* ---- the block on the case page and in the work queue ------------------------------------------------------------- */

static const char *member_progress(http_request *req, const assessment_member_summary *m)
{
    const assessment_progress *p = &m->progress;
    if (m->n_assessments == 0)
        return _("Nog geen meting.");
    if (p->n_assessments < 2 || !p->has_first_avg || !p->has_latest_avg)
        return arena_printf(req->a, _("Eén meting (%s), gemiddeld %s."), date_display(req->a, p->latest_on),
                            assessment_decimal(req->a, p->latest_avg, false));
    return arena_printf(req->a, _("Gemiddeld %s → %s (%s per domein); %d vooruit, %d achteruit."),
                        assessment_decimal(req->a, p->first_avg, false), assessment_decimal(req->a, p->latest_avg, false),
                        assessment_decimal(req->a, p->avg_change, true), p->improved, p->declined);
}

static const char *member_due(http_request *req, const assessment_due *d)
{
    if (!d->applies)
        return "";
    return d->due ? arena_printf(req->a, _("Meting aan de beurt sinds %s."), date_display(req->a, d->since))
                  : arena_printf(req->a, _("Volgende meting %s."), date_display(req->a, d->since));
}

void assessment_case_block(http_request *req, int64_t household_id)
{
    assessment_member_summary *ms = NULL;
    int n = 0;
    if (assessment_household_summary(&req->ctx, household_id, &ms, &n) != WT_OK)
        return;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-zrm\"><h2 class=\"utrecht-heading-2\" id=\"h-zrm\">%s</h2>",
                _("Zelfredzaamheid"));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Per gezinslid de eerste tegenover de laatste meting met de Zelfredzaamheid-Matrix."));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++) {
        const assessment_member_summary *m = &ms[i];
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><strong>%s</strong>: %s %s</p><p class=\"utrecht-paragraph\">",
                    m->name, member_progress(req, m), member_due(req, &m->due));
        if (m->n_assessments > 0)
            html_printf(b, "<a class=\"utrecht-link\" href=\"/persons/%lld/assessments\">%s<span class=\"wt-visually-hidden\"> %s</span></a> · ",
                        (long long)m->person_id, _("Voortgang en grafiek"), m->name);
        html_printf(b, "<a class=\"utrecht-link\" href=\"/persons/%lld/assessments/new\">%s<span class=\"wt-visually-hidden\"> %s</span></a></p></li>",
                    (long long)m->person_id, _("Nieuwe meting"), m->name);
    }
    html_raw(b, "</ul></section>");
}

void assessment_home_block(http_request *req)
{
    assessment_due_item *items = NULL;
    int n = 0;
    if (assessment_due_list(&req->ctx, req->ctx.who.user_id, HOME_DUE_LIMIT, &items, &n) != WT_OK || n == 0)
        return;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-metingen\"><h2 class=\"utrecht-heading-2\" id=\"h-metingen\">%s</h2>",
                _("Metingen die aan de beurt zijn"));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++) {
        const assessment_due_item *it = &items[i];
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/persons/%lld/assessments/new\">%s</a>"
                       " (%s), %s %s.",
                    (long long)it->person_id, it->person_name, it->household_name, _("aan de beurt sinds"),
                    date_display(req->a, it->due_since));
        if (it->last_assessed_on)
            html_printf(b, " %s %s.", _("Vorige meting"), date_display(req->a, it->last_assessed_on));
        else
            html_printf(b, " %s", _("Nog nooit gemeten."));
        html_raw(b, "</p></li>");
    }
    html_raw(b, "</ul></section>");
}

void assessment_web_routes(void)
{
    router_add("GET", "/persons/{id}/assessments", get_history, 0);
    router_add("GET", "/persons/{id}/assessments/new", get_new, 0);
    router_add("POST", "/persons/{id}/assessments", post_assessment, 0);
    router_add("GET", "/assessments/{id}", get_assessment, 0);
}
