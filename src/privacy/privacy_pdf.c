/*
 * privacy_pdf.c - the resident's file as a PDF (see privacy_pdf.h), drawn with
 * cairo on A4: a first page that says what the file is and what the resident
 * may ask, then every section with its records as label / value lines,
 * wrapped to the page, and "Pagina x van n" at the foot of every page.
 *
 * The layout runs twice: once into a discarding stream to count the pages,
 * once for real with the total known. Text is DejaVu Sans through cairo's
 * own font selection (fontconfig), so the PDF carries the glyphs it uses and
 * its text can be searched and copied.
 */
#include "privacy_pdf.h"
#include "../core/date.h"
#include "../core/i18n.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <string.h>

#define PAGE_W 595.28 /* A4 in points */
#define PAGE_H 841.89
#define MARGIN 56.0
#define FOOT_Y (PAGE_H - 32.0)
#define BOTTOM (PAGE_H - 64.0)
#define LABEL_W 150.0
#define GAP 10.0
#define FONT "DejaVu Sans"
#define BODY 10.0
#define LEAD 1.4

typedef struct layout {
    cairo_t *cr;
    const pf_file *f;
    arena *a;
    double y;
    int page;
    int total; /* 0 in the counting pass */
} layout;

static void font(layout *l, double size, bool bold, bool italic)
{
    cairo_select_font_face(l->cr, FONT, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(l->cr, size);
}

static double width_of(layout *l, const char *s, size_t n)
{
    char tmp[1024];
    if (n >= sizeof tmp)
        n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    cairo_text_extents_t e;
    cairo_text_extents(l->cr, tmp, &e);
    return e.x_advance;
}

static void footer(layout *l)
{
    if (!l->total)
        return;
    font(l, 8, false, false);
    cairo_set_source_rgb(l->cr, 0.3, 0.3, 0.3);
    const char *left = arena_printf(l->a, _("Overzicht van de gegevens van %s, %s"), l->f->name ? l->f->name : "",
                                    date_display(l->a, arena_strndup(l->a, l->f->generated_at, 10)));
    cairo_move_to(l->cr, MARGIN, FOOT_Y);
    cairo_show_text(l->cr, left);
    const char *right = arena_printf(l->a, _("Pagina %d van %d"), l->page, l->total);
    cairo_move_to(l->cr, PAGE_W - MARGIN - width_of(l, right, strlen(right)), FOOT_Y);
    cairo_show_text(l->cr, right);
    cairo_set_source_rgb(l->cr, 0, 0, 0);
}

static void new_page(layout *l)
{
    footer(l);
    cairo_show_page(l->cr);
    l->page++;
    l->y = MARGIN;
}

/* Room for h more points on this page, or a new page. */
static void need(layout *l, double h)
{
    if (l->y + h > BOTTOM)
        new_page(l);
}

/* Bytes of the UTF-8 character starting at s. */
static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t i = 1; i < n; i++)
        if (!s[i])
            return i;
    return n;
}

/* The length of the longest start of s (up to a newline) that fits in w, broken after a space when possible. */
static size_t fit(layout *l, const char *s, double w)
{
    size_t end = strcspn(s, "\n");
    if (end < 1000 && width_of(l, s, end) <= w)
        return end; /* the common case: the whole line fits */
    size_t best_space = 0, i = 0, last_fit = 0;
    while (i < end) {
        size_t next = i + char_len(s + i);
        if (next > end)
            next = end;
        if (width_of(l, s, next) > w)
            break;
        last_fit = next;
        if (s[i] == ' ')
            best_space = next;
        i = next;
    }
    if (last_fit == end)
        return end;
    if (best_space > 0)
        return best_space;
    return last_fit > 0 ? last_fit : char_len(s); /* one character always goes on a line */
}

/* Writes text wrapped into [x, x + w] from the current y; returns the height used. */
static double text_block(layout *l, const char *s, double x, double w, double size, bool draw)
{
    double lh = size * LEAD, used = 0;
    const char *p = s;
    while (*p) {
        size_t n = fit(l, p, w);
        if (draw) {
            char *line = arena_strndup(l->a, p, n);
            size_t len = strlen(line);
            while (len && line[len - 1] == ' ')
                line[--len] = '\0';
            cairo_move_to(l->cr, x, l->y + used + size);
            cairo_show_text(l->cr, line);
        }
        used += lh;
        p += n;
        if (*p == '\n')
            p++;
        while (*p == ' ')
            p++;
    }
    return used > 0 ? used : lh;
}

static void paragraph(layout *l, const char *s, double size, bool bold, bool italic)
{
    font(l, size, bold, italic);
    double h = text_block(l, s, MARGIN, PAGE_W - 2 * MARGIN, size, false);
    if (h > BOTTOM - MARGIN) { /* longer than a page: line by line */
        const char *p = s;
        while (*p) {
            size_t n = fit(l, p, PAGE_W - 2 * MARGIN);
            need(l, size * LEAD);
            l->y += text_block(l, arena_strndup(l->a, p, n), MARGIN, PAGE_W - 2 * MARGIN, size, true);
            p += n;
            while (*p == ' ' || *p == '\n')
                p++;
        }
        return;
    }
    need(l, h);
    l->y += text_block(l, s, MARGIN, PAGE_W - 2 * MARGIN, size, true);
}

/* One label / value line pair of a record; a value longer than a page continues on the next. */
static void field_row(layout *l, const pf_field *fd)
{
    double vx = MARGIN + LABEL_W + GAP, vw = PAGE_W - MARGIN - vx;
    const char *p = fd->display;
    bool first = true;
    int page = l->page;
    double label_end = 0;
    while (*p) {
        font(l, BODY, false, false);
        size_t n = fit(l, p, vw);
        need(l, BODY * LEAD);
        if (first) {
            font(l, BODY, true, false);
            page = l->page;
            label_end = l->y + text_block(l, fd->label, MARGIN, LABEL_W, BODY, true);
            font(l, BODY, false, false);
            first = false;
        }
        l->y += text_block(l, arena_strndup(l->a, p, n), vx, vw, BODY, true);
        p += n;
        if (*p == '\n')
            p++;
        while (*p == ' ')
            p++;
    }
    if (l->page == page && l->y < label_end)
        l->y = label_end; /* a label of two lines next to a value of one */
}

static void record(layout *l, const pf_record *r)
{
    need(l, 3 * BODY * LEAD);
    for (int i = 0; i < r->n; i++)
        if (r->fields[i].display)
            field_row(l, &r->fields[i]);
    cairo_set_source_rgb(l->cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(l->cr, 0.5);
    cairo_move_to(l->cr, MARGIN, l->y + 4);
    cairo_line_to(l->cr, PAGE_W - MARGIN, l->y + 4);
    cairo_stroke(l->cr);
    cairo_set_source_rgb(l->cr, 0, 0, 0);
    l->y += 10;
}

static void section(layout *l, const pf_section *s)
{
    need(l, 14 * LEAD + 3 * BODY * LEAD + 12);
    l->y += 8;
    paragraph(l, arena_printf(l->a, "%s (%d)", s->title, s->n), 14, true, false);
    cairo_set_source_rgb(l->cr, 0.3, 0.3, 0.3);
    paragraph(l, s->about, 9, false, true);
    cairo_set_source_rgb(l->cr, 0, 0, 0);
    l->y += 4;
    if (s->n == 0)
        paragraph(l, _("Hierover is niets vastgelegd."), BODY, false, false);
    for (int i = 0; i < s->n; i++)
        record(l, &s->records[i]);
}

static void cover(layout *l)
{
    const pf_file *f = l->f;
    paragraph(l, _("Overzicht van uw gegevens bij het wijkteam"), 20, true, false);
    l->y += 6;
    paragraph(l, arena_printf(l->a, "%s: %s", _("Over"), f->name ? f->name : ""), 12, true, false);
    paragraph(l, arena_printf(l->a, "%s: %s", _("Wijkteam"), f->team_name ? f->team_name : ""), BODY, false, false);
    paragraph(l, arena_printf(l->a, _("Gemaakt op %s door %s"),
                              date_display(l->a, arena_strndup(l->a, f->generated_at, 10)),
                              f->generated_by ? f->generated_by : _("het wijkteam")),
              BODY, false, false);
    l->y += 8;
    paragraph(l, _("U heeft het recht te weten welke gegevens het wijkteam over u heeft (Algemene verordening "
                   "gegevensbescherming, artikel 15). In dit overzicht staat alles wat over u is vastgelegd: uw eigen "
                   "gegevens, die van de ondersteuning van uw huishouden, uw netwerk in de buurt, signalen, en wie uw "
                   "gegevens heeft bekeken of gewijzigd."),
              BODY, false, false);
    l->y += 4;
    paragraph(l, _("Klopt er iets niet? Dan mag u vragen het te verbeteren (artikel 16). U mag ook vragen uw gegevens "
                   "te wissen (artikel 17); dat kan zodra de ondersteuning is afgesloten en er geen wettelijke "
                   "bewaartermijn meer geldt. Vraag het aan uw regisseur of aan de teamleider van het wijkteam."),
              BODY, false, false);
    l->y += 4;
    paragraph(l, _("Dit overzicht is persoonlijk. Bewaar het goed en geef het alleen aan wie u vertrouwt."), BODY, true,
              false);
}

static void render(layout *l)
{
    l->page = 1;
    l->y = MARGIN;
    cover(l);
    for (int i = 0; i < l->f->n; i++)
        section(l, &l->f->sections[i]);
    footer(l);
    cairo_show_page(l->cr);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    buf_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
    (void)closure;
    (void)data;
    (void)len;
    return CAIRO_STATUS_SUCCESS;
}

/* One pass; gives the number of pages. */
static int pass(const pf_file *f, arena *a, buf *out, int total)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(out ? to_buf : discard, out, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, _("Overzicht van uw gegevens bij het wijkteam"));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "wijkteam");
    cairo_t *cr = cairo_create(s);
    layout l = {cr, f, a, MARGIN, 1, total};
    render(&l);
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_finish(s);
    ok = ok && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    return ok ? l.page : -1;
}

wt_status privacy_pdf(const pf_file *f, arena *a, buf *out)
{
    int pages = pass(f, a, NULL, 0);
    if (pages < 1 || pass(f, a, out, pages) != pages)
        return WT_DBERROR;
    return WT_OK;
}

void privacy_pdf_shutdown(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}
