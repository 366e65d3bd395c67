/* widgets.c - NL Design System form markup (see widgets.h). */
#include "widgets.h"
#include "../core/i18n.h"
#include "html.h"

#include <string.h>

void form_begin(http_request *req, const char *action, const char *extra_class)
{
    html_printf(&req->out,
                "<form method=\"post\" action=\"%s\" class=\"wt-form %s\" novalidate>"
                "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">",
                action, extra_class ? extra_class : "", req->session.csrf ? req->session.csrf : "");
}

void form_begin_get(http_request *req, const char *action, const char *extra_class)
{
    html_printf(&req->out, "<form method=\"get\" action=\"%s\" class=\"wt-form %s\">", action,
                extra_class ? extra_class : "");
}

void form_end(http_request *req)
{
    html_raw(&req->out, "</form>");
}

static const char *field_id(const field *f)
{
    return f->id ? f->id : f->name;
}

static void field_open(http_request *req, const field *f, const char *kind)
{
    const char *id = field_id(f);
    html_printf(&req->out,
                "<div class=\"utrecht-form-field utrecht-form-field--%s%s\"><div class=\"utrecht-form-field__label\">"
                "<label class=\"utrecht-form-label\" for=\"f-%s\">%s%s</label></div>",
                kind, f->error ? " utrecht-form-field--invalid" : "", id, f->label,
                f->required ? "" : _(" (niet verplicht)"));
    if (f->hint)
        html_printf(&req->out, "<div class=\"utrecht-form-field-description\" id=\"f-%s-hint\">%s</div>", id, f->hint);
    if (f->error)
        html_printf(&req->out,
                    "<div class=\"utrecht-form-field-error-message\" id=\"f-%s-error\"><span class=\"wt-visually-hidden\">%s </span>%s</div>",
                    id, _("Fout:"), f->error);
}

static void described_by(http_request *req, const field *f)
{
    const char *id = field_id(f);
    if (!f->hint && !f->error)
        return;
    html_raw(&req->out, " aria-describedby=\"");
    if (f->hint)
        html_printf(&req->out, "f-%s-hint", id);
    if (f->hint && f->error)
        html_raw(&req->out, " ");
    if (f->error)
        html_printf(&req->out, "f-%s-error", id);
    html_raw(&req->out, "\"");
}

void field_text(http_request *req, const field *f)
{
    const char *type = f->type ? f->type : "text";
    field_open(req, f, "text");
    html_printf(&req->out,
                "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox utrecht-textbox--html-input%s\""
                " type=\"%s\" id=\"f-%s\" name=\"%s\" value=\"%s\"",
                f->error ? " utrecht-textbox--invalid" : "", type, field_id(f), f->name, f->value ? f->value : "");
    if (f->maxlength > 0)
        html_printf(&req->out, " maxlength=\"%d\"", f->maxlength);
    if (f->autocomplete)
        html_printf(&req->out, " autocomplete=\"%s\"", f->autocomplete);
    if (f->required)
        html_raw(&req->out, " required aria-required=\"true\"");
    if (f->error)
        html_raw(&req->out, " aria-invalid=\"true\"");
    described_by(req, f);
    html_raw(&req->out, "></div></div>");
}

void field_textarea(http_request *req, const field *f, int rows)
{
    field_open(req, f, "text");
    html_printf(&req->out,
                "<div class=\"utrecht-form-field__input\"><textarea class=\"utrecht-textarea utrecht-textarea--html-textarea%s\""
                " id=\"f-%s\" name=\"%s\" rows=\"%d\"",
                f->error ? " utrecht-textarea--invalid" : "", field_id(f), f->name, rows);
    if (f->maxlength > 0)
        html_printf(&req->out, " maxlength=\"%d\"", f->maxlength);
    if (f->required)
        html_raw(&req->out, " required aria-required=\"true\"");
    if (f->error)
        html_raw(&req->out, " aria-invalid=\"true\"");
    described_by(req, f);
    html_printf(&req->out, ">%s</textarea></div></div>", f->value ? f->value : "");
}

void field_select(http_request *req, const field *f, const option *opts, int n)
{
    field_open(req, f, "select");
    html_printf(&req->out,
                "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select utrecht-select--html-select%s\""
                " id=\"f-%s\" name=\"%s\"",
                f->error ? " utrecht-select--invalid" : "", field_id(f), f->name);
    if (f->required)
        html_raw(&req->out, " required aria-required=\"true\"");
    if (f->error)
        html_raw(&req->out, " aria-invalid=\"true\"");
    described_by(req, f);
    html_raw(&req->out, ">");
    for (int i = 0; i < n; i++) {
        bool sel = f->value && strcmp(f->value, opts[i].value) == 0;
        html_printf(&req->out, "<option value=\"%s\"%s>%s</option>", opts[i].value, sel ? " selected" : "",
                    opts[i].label);
    }
    html_raw(&req->out, "</select></div></div>");
}

void field_checkbox(http_request *req, const char *name, const char *label, bool checked)
{
    html_printf(&req->out,
                "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><div class=\"utrecht-form-field__input\">"
                "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-%s\" name=\"%s\" value=\"1\"%s>"
                "</div><div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-%s\">%s</label></div></div>",
                name, name, checked ? " checked" : "", name, label);
}

void form_button(http_request *req, const char *label, bool primary)
{
    html_printf(&req->out, "<button type=\"submit\" class=\"utrecht-button utrecht-button--%s\">%s</button>",
                primary ? "primary-action" : "secondary-action", label);
}

void error_summary(http_request *req, const errors *e)
{
    if (!e || e->count == 0)
        return;
    html_printf(&req->out,
                "<div class=\"utrecht-alert utrecht-alert--error wt-alert\" role=\"alert\" id=\"fouten\">"
                "<h2 class=\"utrecht-heading-2\">%s</h2><ul class=\"utrecht-unordered-list\">",
                _("Controleer de volgende velden"));
    for (const field_error *fe = e->head; fe; fe = fe->next)
        html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#f-%s\">%s</a></li>", fe->field, fe->message);
    html_raw(&req->out, "</ul></div>");
}

void button_form(http_request *req, const char *action, const char *label, const char *hidden_name,
                 const char *hidden_value)
{
    html_printf(&req->out,
                "<form method=\"post\" action=\"%s\" class=\"wt-inline-form\"><input type=\"hidden\" name=\"_csrf\" value=\"%s\">",
                action, req->session.csrf ? req->session.csrf : "");
    if (hidden_name)
        html_printf(&req->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", hidden_name, hidden_value);
    html_printf(&req->out, "<button type=\"submit\" class=\"utrecht-button utrecht-button--secondary-action\">%s</button></form>",
                label);
}
