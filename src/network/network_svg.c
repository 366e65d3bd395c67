/*
 * network_svg.c - the eco-map of a household: its members in the middle, the
 * people they have relations with around them, drawn as SVG on the server
 * (no JavaScript). The line shows the kind (colour and dash, the same in the
 * legend), the strength (thickness) and the direction of care (an arrow).
 * The SVG is a picture of the relations table next to it, which is its text
 * alternative; every name is escaped by html_printf.
 */
#include "../core/i18n.h"
#include "../http/html.h"
#include "network_web.h"

#include <math.h>
#include <string.h>

#define W 520
#define H 440
#define CX 260
#define CY 220
#define RING 160
#define NODE_R 44
#define CENTRE_R 58
#define MAX_NODES 12

typedef struct kind_style {
    const char *kind;
    const char *colour;
    const char *dash;
} kind_style;

static const kind_style styles[] = {
    {"family", "#1b5e20", ""},       {"friend", "#0b57d0", ""},         {"neighbour", "#6a1b9a", "8 4"},
    {"acquaintance", "#4d4d4d", "2 4"}, {"informal_carer_of", "#a34700", ""}, {"volunteer_for", "#a34700", "10 3 2 3"},
    {"conflict", "#b00020", "6 3"},
};

static const kind_style *style_of(const char *kind)
{
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
        if (kind && strcmp(styles[i].kind, kind) == 0)
            return &styles[i];
    return &styles[3];
}

/* At most max code points of s, with an ellipsis when cut (arena). */
static const char *shorten(arena *a, const char *s, int max)
{
    if (!s)
        return "";
    int cps = 0;
    size_t i = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (cps == max)
                return arena_printf(a, "%.*s\xe2\x80\xa6", (int)i, s);
            cps++;
        }
        i++;
    }
    return s;
}

static bool is_member(const int64_t *members, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (members[i] == id)
            return true;
    return false;
}

void network_svg_ecomap(buf *b, arena *a, const char *household_name, const int64_t *members, int n_members,
                        const net_relation *rels, int n)
{
    /* The other people, each once, with the first (current, newest) relation to him. */
    int64_t *others = arena_alloc(a, sizeof(int64_t) * (size_t)(n + 1));
    const net_relation **first = arena_alloc(a, sizeof(net_relation *) * (size_t)(n + 1));
    int no = 0, hidden = 0;
    for (int i = 0; i < n; i++) {
        if (rels[i].ended_on)
            continue;
        bool a_in = is_member(members, n_members, rels[i].person_a);
        int64_t other = a_in ? rels[i].person_b : rels[i].person_a;
        if (is_member(members, n_members, other))
            continue; /* between two members: not drawn around the household */
        bool seen = false;
        for (int j = 0; j < no && !seen; j++)
            seen = others[j] == other;
        if (seen)
            continue;
        if (no == MAX_NODES) {
            hidden++;
            continue;
        }
        others[no] = other;
        first[no++] = &rels[i];
    }
    html_printf(b,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\""
                " aria-labelledby=\"eco-title eco-desc\" class=\"wt-ecomap__svg\">"
                "<title id=\"eco-title\">%s</title><desc id=\"eco-desc\">%s</desc>",
                W, H, arena_printf(a, _("Ecogram van %s"), household_name),
                arena_printf(a, _("%d mensen rond het huishouden; dezelfde relaties staan in de tabel Relaties."), no));
    html_raw(b, "<defs><marker id=\"eco-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#a34700\"/></marker></defs>");
    for (int i = 0; i < no; i++) {
        double angle = -M_PI / 2 + 2 * M_PI * i / (no ? no : 1);
        int x = CX + (int)lround(RING * cos(angle)), y = CY + (int)lround(RING * sin(angle));
        const net_relation *r = first[i];
        const kind_style *s = style_of(r->kind);
        double width = r->strength == 3 ? 5 : r->strength == 1 ? 1.5 : 3;
        bool directed = network_kind_directed(r->kind);
        bool towards_other = directed && is_member(members, n_members, r->person_a);
        /* Lines end at the circles' edges so the arrow heads stay visible. */
        double dx = x - CX, dy = y - CY, len = sqrt(dx * dx + dy * dy);
        double x1 = CX + dx / len * (CENTRE_R + 2), y1 = CY + dy / len * (CENTRE_R + 2);
        double x2 = x - dx / len * (NODE_R + 2), y2 = y - dy / len * (NODE_R + 2);
        html_printf(b, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" stroke-width=\"%.1f\"", x1,
                    y1, x2, y2, s->colour, width);
        if (*s->dash)
            html_printf(b, " stroke-dasharray=\"%s\"", s->dash);
        if (directed)
            html_raw(b, towards_other ? " marker-end=\"url(#eco-arrow)\"" : " marker-start=\"url(#eco-arrow)\"");
        html_raw(b, "/>");
        const char *name = r->person_a == others[i] ? r->name_a : r->name_b;
        /* The given name on the first line, the rest on the second. */
        const char *space = strchr(name, ' ');
        const char *given = space ? arena_strndup(a, name, (size_t)(space - name)) : name;
        html_printf(b,
                    "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"/>"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1a1a1a\">%s</text>"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1a1a1a\">%s</text>"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#4d4d4d\">%s</text>",
                    x, y, NODE_R, s->colour, x, y - 10, shorten(a, given, 10), x, y + 6, shorten(a, space ? space + 1 : "", 10),
                    x, y + 24, shorten(a, network_label(network_kinds, r->kind), 12));
    }
    const char *hspace = strchr(household_name, ' ');
    html_printf(b,
                "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#e8f0fe\" stroke=\"#0b57d0\" stroke-width=\"2\"/>"
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\">%s</text>"
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\">%s</text>",
                CX, CY, CENTRE_R, CX, CY - 4,
                shorten(a, hspace ? arena_strndup(a, household_name, (size_t)(hspace - household_name)) : household_name, 12),
                CX, CY + 14, shorten(a, hspace ? hspace + 1 : "", 12));
    if (hidden)
        html_printf(b, "<text x=\"10\" y=\"%d\" font-size=\"14\" fill=\"#1a1a1a\">%s</text>", H - 10,
                    arena_printf(a, _("en nog %d mensen: zie de tabel"), hidden));
    html_raw(b, "</svg>");
    /* The legend, as text. */
    html_printf(b, "<ul class=\"wt-ecomap__legend\" aria-label=\"%s\">", _("Legenda van het ecogram"));
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
        html_printf(b,
                    "<li><svg width=\"40\" height=\"10\" aria-hidden=\"true\" focusable=\"false\"><line x1=\"0\" y1=\"5\""
                    " x2=\"40\" y2=\"5\" stroke=\"%s\" stroke-width=\"3\"", styles[i].colour);
        if (*styles[i].dash)
            html_printf(b, " stroke-dasharray=\"%s\"", styles[i].dash);
        html_printf(b, "/></svg> %s</li>", network_label(network_kinds, styles[i].kind));
    }
    html_printf(b, "<li>%s</li></ul>", _("Dikkere lijn: sterkere relatie. Pijl: wie zorgt voor wie."));
}
