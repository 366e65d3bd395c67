/* socialmap.c - rules of the social map: distance, schedules, search, maintenance (see socialmap.h). */
#include "socialmap.h"
#include "../access/policy.h"
#include "../core/buf.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../household/household.h"
#include "socialmap_db.h"

#include <ctype.h>
#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ codes */

const sm_code sm_life_domains[] = {
    {"care", N_("Zorg en welzijn"), "5e1f0001-0000-4000-8000-000000000001"},
    {"youth", N_("Jeugd en opvoeding"), "5e1f0001-0000-4000-8000-000000000002"},
    {"housing", N_("Wonen"), "5e1f0001-0000-4000-8000-000000000003"},
    {"work", N_("Werk en inkomen"), "5e1f0001-0000-4000-8000-000000000004"},
    {"money", N_("Geld en schulden"), "5e1f0001-0000-4000-8000-000000000005"},
    {"health", N_("Gezondheid"), "5e1f0001-0000-4000-8000-000000000006"},
    {"participation", N_("Meedoen"), "5e1f0001-0000-4000-8000-000000000007"},
    {NULL, NULL, NULL},
};

const sm_code sm_target_groups[] = {
    {"youth_family", N_("Jeugd en gezin"), "5e1f0002-0000-4000-8000-000000000001"},
    {"adults", N_("Volwassenen"), "5e1f0002-0000-4000-8000-000000000002"},
    {"elderly", N_("Ouderen"), "5e1f0002-0000-4000-8000-000000000003"},
    {"migrants", N_("Nieuwkomers en migranten"), "5e1f0002-0000-4000-8000-000000000004"},
    {"informal_carers", N_("Mantelzorgers"), "5e1f0002-0000-4000-8000-000000000005"},
    {"disabilities", N_("Mensen met een beperking"), "5e1f0002-0000-4000-8000-000000000006"},
    {NULL, NULL, NULL},
};

const sm_code sm_lines[] = {
    {"first", N_("Eerste lijn"), "5e1f0003-0000-4000-8000-000000000001"},
    {"second", N_("Tweede lijn"), "5e1f0003-0000-4000-8000-000000000002"},
    {NULL, NULL, NULL},
};

const sm_code sm_languages[] = {
    {"nl", N_("Nederlands"), NULL}, {"fy", N_("Fries"), NULL},     {"en", N_("Engels"), NULL},
    {"de", N_("Duits"), NULL},      {"pl", N_("Pools"), NULL},     {"tr", N_("Turks"), NULL},
    {"ar", N_("Arabisch"), NULL},   {"ti", N_("Tigrinya"), NULL},  {"uk", N_("Oekraïens"), NULL},
    {"so", N_("Somalisch"), NULL},  {"sgn", N_("Gebarentaal"), NULL}, {NULL, NULL, NULL},
};

const sm_code sm_service_statuses[] = {
    {"active", N_("Actief"), NULL},
    {"temporarily closed", N_("Tijdelijk gesloten"), NULL},
    {"inactive", N_("Niet actief"), NULL},
    {"defunct", N_("Opgeheven"), NULL},
    {NULL, NULL, NULL},
};

const sm_code sm_costs[] = {
    {"free", N_("Gratis"), NULL},
    {"contribution", N_("Eigen bijdrage"), NULL},
    {"paid", N_("Met kosten"), NULL},
    {NULL, NULL, NULL},
};

const char *sm_code_label(const sm_code *list, const char *code)
{
    for (; code && list->code; list++)
        if (strcmp(list->code, code) == 0)
            return _(list->label);
    return code ? code : "";
}

static const sm_code *code_find(const sm_code *list, const char *code)
{
    for (; code && list->code; list++)
        if (strcmp(list->code, code) == 0)
            return list;
    return NULL;
}

bool sm_set_has(const char *set, const char *code)
{
    if (!set || !code || !*code)
        return false;
    size_t n = strlen(code);
    for (const char *p = strstr(set, code); p; p = strstr(p + 1, code))
        if ((p == set || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

/* ---------------------------------------------------------- distance */

#define EARTH_KM 6371.0088
#define DEG (M_PI / 180.0)

double sm_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    double dlat = (lat2 - lat1) * DEG, dlon = (lon2 - lon1) * DEG;
    double h = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * DEG) * cos(lat2 * DEG) * sin(dlon / 2) * sin(dlon / 2);
    if (h > 1)
        h = 1;
    return 2 * EARTH_KM * asin(sqrt(h));
}

sm_bbox sm_bbox_around(double lat, double lon, double km)
{
    double ang = km / EARTH_KM; /* radians */
    double dlat = ang / DEG;
    /* The widest longitude extent of a circle on the sphere (at its tangent points). */
    double s = sin(ang) / cos(lat * DEG);
    double dlon = s >= 1 ? 180.0 : asin(s) / DEG;
    return (sm_bbox){lat - dlat, lat + dlat, lon - dlon, lon + dlon};
}

sm_near sm_near_around(double lat, double lon, double km)
{
    double r = km / (EARTH_KM * DEG); /* degrees of latitude */
    return (sm_near){lat, lon, cos(lat * DEG), sin(lat * DEG) * DEG / 2, r * r};
}

double sm_near_d2(const sm_near *n, double lat, double lon)
{
    double dy = lat - n->lat;
    double dx = (lon - n->lon) * (n->k0 - n->s0h * dy);
    return dy * dy + dx * dx;
}

double sm_near_km(double d2)
{
    return sqrt(d2) * EARTH_KM * DEG;
}

bool sm_in_netherlands(double lat, double lon)
{
    return lat >= SM_NL_LAT_MIN && lat <= SM_NL_LAT_MAX && lon >= SM_NL_LON_MIN && lon <= SM_NL_LON_MAX;
}

static const char *const checked_kinds[] = {"service", "organization", "location", "contact", "schedule",
                                            "taxonomy_term", NULL};

bool sm_checked_kind(const char *resource)
{
    return resource && text_in(resource, checked_kinds);
}

bool sm_needs_check(const char *last_checked, wt_date today)
{
    wt_date d;
    char day[11];
    if (!last_checked || strlen(last_checked) < 10)
        return true;
    memcpy(day, last_checked, 10);
    day[10] = '\0';
    if (!date_parse(day, &d))
        return true;
    return date_to_days(today) - date_to_days(d) > SM_CHECK_DAYS;
}

static bool mentions(arena *a, const char *text, const char *const *words)
{
    const char *folded = text && *text ? text_fold(a, text) : NULL;
    for (int i = 0; folded && words[i]; i++)
        if (strstr(folded, words[i]))
            return true;
    return false;
}

static const char *const contribution_words[] = {"bijdrage", "contributie", "lidmaatschap", NULL};
static const char *const free_words[] = {"gratis", "kosteloos", "geen kosten", NULL};

char *sm_cost_set(arena *a, const hsds_row *options, int n, const char *fees_description)
{
    bool is[3] = {false, false, false}; /* free, contribution, paid: the order of sm_costs */
    for (int i = 0; i < n; i++) {
        const char *amount = hsds_get(&options[i], "amount");
        const char *text = arena_printf(a, "%s %s", hsds_get(&options[i], "option") ? hsds_get(&options[i], "option") : "",
                                        hsds_get(&options[i], "amount_description") ? hsds_get(&options[i], "amount_description") : "");
        double v = -1;
        bool has_amount = amount && hsds_number_parse(amount, &v);
        if (has_amount && v == 0)
            is[0] = true;
        else if (mentions(a, text, contribution_words))
            is[1] = true;
        else if (has_amount && v > 0)
            is[2] = true;
    }
    if (mentions(a, fees_description, contribution_words))
        is[1] = true;
    else if (n == 0 && fees_description && *text_trim(a, fees_description) && !mentions(a, fees_description, free_words))
        is[2] = true;
    buf b = BUF_INIT;
    for (int k = 0; k < 3; k++)
        if (is[k])
            buf_printf(&b, " %s", sm_costs[k].code);
    char *set = b.len ? arena_printf(a, "%s ", buf_str(&b)) : arena_strdup(a, "");
    buf_free(&b);
    return set;
}

/* ---------------------------------------------------------- schedules */

static const char *const day_codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
static const char *const day_names[] = {N_("maandag"), N_("dinsdag"), N_("woensdag"), N_("donderdag"),
                                        N_("vrijdag"), N_("zaterdag"), N_("zondag")};

int sm_weekday(wt_date d)
{
    long days = date_to_days(d); /* 1970-01-01 was a Thursday (3) */
    return (int)(((days % 7) + 7 + 3) % 7);
}

/* One BYDAY token: optional ordinal (-5..5, not 0) and a day code. */
static bool parse_byday(const char *tok, size_t len, int *ordinal, int *day)
{
    *ordinal = 0;
    size_t i = 0;
    int sign = 1;
    if (i < len && (tok[i] == '+' || tok[i] == '-'))
        sign = tok[i++] == '-' ? -1 : 1;
    if (i < len && isdigit((unsigned char)tok[i])) {
        *ordinal = sign * (tok[i++] - '0');
        if (*ordinal == 0 || abs(*ordinal) > 5)
            return false;
    } else if (sign < 0 || (i > 0)) {
        return false;
    }
    if (len - i != 2)
        return false;
    for (int d = 0; d < 7; d++)
        if (toupper((unsigned char)tok[i]) == day_codes[d][0] && toupper((unsigned char)tok[i + 1]) == day_codes[d][1]) {
            *day = d;
            return true;
        }
    return false;
}

/* Calls fn for each token of a comma-separated list; false when fn refuses one or a token is empty. */
static bool each_token(const char *list, bool (*fn)(const char *t, size_t n, void *u), void *u)
{
    const char *p = list;
    while (p && *p) {
        while (*p == ' ')
            p++;
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        while (n > 0 && p[n - 1] == ' ')
            n--;
        if (n == 0 || !fn(p, n, u))
            return false;
        p = end ? end + 1 : NULL;
    }
    return true;
}

typedef struct byday_ctx {
    bool monthly;
    bool any_ordinal;
} byday_ctx;

static bool check_byday_token(const char *t, size_t n, void *u)
{
    byday_ctx *c = u;
    int ord, day;
    if (!parse_byday(t, n, &ord, &day))
        return false;
    if (ord)
        c->any_ordinal = true;
    return true;
}

static bool check_monthday_token(const char *t, size_t n, void *u)
{
    (void)u;
    char tmp[8];
    if (n >= sizeof tmp)
        return false;
    memcpy(tmp, t, n);
    tmp[n] = '\0';
    int64_t v;
    return text_parse_int64(tmp, &v) && v != 0 && v >= -31 && v <= 31;
}

static int minutes_of(const char *t)
{
    return ((t[0] - '0') * 10 + (t[1] - '0')) * 60 + (t[3] - '0') * 10 + (t[4] - '0');
}

static const char *pfx(arena *a, const char *prefix, const char *name)
{
    return prefix && *prefix ? arena_printf(a, "%s.%s", prefix, name) : name;
}

static bool whole_number(const char *s, double lo, double hi)
{
    double v;
    return hsds_number_parse(s, &v) && v == floor(v) && v >= lo && v <= hi;
}

void sm_schedule_validate(arena *a, const hsds_row *s, const char *prefix, errors *e)
{
    const char *freq = hsds_get(s, "freq"), *byday = hsds_get(s, "byday"), *bymd = hsds_get(s, "bymonthday");
    const char *opens = hsds_get(s, "opens_at"), *closes = hsds_get(s, "closes_at");
    byday_ctx bc = {freq && strcmp(freq, "MONTHLY") == 0, false};
    if ((byday || bymd) && !freq)
        errors_add(e, pfx(a, prefix, "freq"), _("Geef de herhaling (freq: WEEKLY of MONTHLY) bij dagen van het rooster."));
    if (byday && !each_token(byday, check_byday_token, &bc))
        errors_add(e, pfx(a, prefix, "byday"), _("De dagen (byday) zijn een lijst als MO,WE,FR (maandelijks ook 1MO of -1FR)."));
    else if (bc.any_ordinal && !bc.monthly)
        errors_add(e, pfx(a, prefix, "byday"), _("Een rangnummer bij een dag (zoals 1MO) past alleen bij een maandelijks rooster."));
    if (bymd && !each_token(bymd, check_monthday_token, NULL))
        errors_add(e, pfx(a, prefix, "bymonthday"), _("De dagen van de maand (bymonthday) zijn getallen van 1 tot 31 (of -1 tot -31)."));
    else if (bymd && !bc.monthly)
        errors_add(e, pfx(a, prefix, "bymonthday"), _("Dagen van de maand passen alleen bij een maandelijks rooster."));
    if (!opens != !closes)
        errors_add(e, pfx(a, prefix, opens ? "closes_at" : "opens_at"), _("Geef zowel de openingstijd als de sluitingstijd."));
    else if (opens && minutes_of(closes) <= minutes_of(opens))
        errors_add(e, pfx(a, prefix, "closes_at"), _("De sluitingstijd ligt niet na de openingstijd."));
    if (hsds_get(s, "interval") && !whole_number(hsds_get(s, "interval"), 1, 52))
        errors_add(e, pfx(a, prefix, "interval"), _("De herhaling om de zoveel keer (interval) is een geheel getal van 1 tot 52."));
    if (hsds_get(s, "count") && !whole_number(hsds_get(s, "count"), 1, 10000))
        errors_add(e, pfx(a, prefix, "count"), _("Het aantal keer (count) is een geheel getal vanaf 1."));
    if (hsds_get(s, "timezone") && !whole_number(hsds_get(s, "timezone"), -12, 14))
        errors_add(e, pfx(a, prefix, "timezone"), _("De tijdzone is een verschil met UTC in hele uren (-12 tot 14)."));
    if (!hsds_get(s, "service_id") && !hsds_get(s, "location_id") && !hsds_get(s, "service_at_location_id"))
        errors_add(e, pfx(a, prefix, "service_id"), _("Een rooster hoort bij een voorziening, een locatie of een voorziening op een locatie."));
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

typedef struct match_ctx {
    wt_date day;
    int weekday;
    bool monthly;
    bool hit;
} match_ctx;

static bool match_byday(const char *t, size_t n, void *u)
{
    match_ctx *m = u;
    int ord, d;
    if (!parse_byday(t, n, &ord, &d))
        return true;
    if (d != m->weekday)
        return true;
    if (ord == 0)
        m->hit = true;
    else if (m->monthly && ord > 0 && (m->day.d - 1) / 7 + 1 == ord)
        m->hit = true;
    else if (m->monthly && ord < 0 && (days_in_month(m->day.y, m->day.m) - m->day.d) / 7 + 1 == -ord)
        m->hit = true;
    return true;
}

static bool match_monthday(const char *t, size_t n, void *u)
{
    match_ctx *m = u;
    char tmp[8];
    int64_t v;
    if (n >= sizeof tmp)
        return true;
    memcpy(tmp, t, n);
    tmp[n] = '\0';
    if (!text_parse_int64(tmp, &v))
        return true;
    int dim = days_in_month(m->day.y, m->day.m);
    if ((v > 0 && v == m->day.d) || (v < 0 && dim + 1 + v == m->day.d))
        m->hit = true;
    return true;
}

static bool date_field(const hsds_row *s, const char *field, wt_date *out)
{
    const char *v = hsds_get(s, field);
    return v && date_parse(v, out);
}

/* Whether the rule's day pattern (ignoring the hours) falls on day. */
static bool rule_on_day(const hsds_row *s, wt_date day)
{
    const char *freq = hsds_get(s, "freq");
    if (!freq)
        return false;
    match_ctx m = {day, sm_weekday(day), strcmp(freq, "MONTHLY") == 0, false};
    const char *byday = hsds_get(s, "byday"), *bymd = hsds_get(s, "bymonthday");
    wt_date start;
    bool has_start = date_field(s, "dtstart", &start);
    if (byday)
        each_token(byday, match_byday, &m);
    if (!m.hit && bymd && m.monthly)
        each_token(bymd, match_monthday, &m);
    if (!byday && !bymd && has_start)
        m.hit = m.monthly ? start.d == day.d : sm_weekday(start) == m.weekday;
    if (!m.hit)
        return false;
    double interval = 1;
    hsds_number_parse(hsds_get(s, "interval"), &interval);
    if (interval > 1 && has_start) {
        if (date_compare(day, start) < 0)
            return false;
        if (m.monthly) {
            long months = (long)(day.y - start.y) * 12 + (day.m - start.m);
            return months % (long)interval == 0;
        }
        long week_day = date_to_days(day) - sm_weekday(day);
        long week_start = date_to_days(start) - sm_weekday(start);
        return ((week_day - week_start) / 7) % (long)interval == 0;
    }
    return true;
}

bool sm_schedule_open_at(const hsds_row *s, wt_date day, int minute)
{
    const char *opens = hsds_get(s, "opens_at"), *closes = hsds_get(s, "closes_at");
    wt_date d;
    if (!opens || !closes || !hsds_time_valid(opens) || !hsds_time_valid(closes))
        return false;
    if ((date_field(s, "valid_from", &d) && date_compare(day, d) < 0) ||
        (date_field(s, "valid_to", &d) && date_compare(day, d) > 0) ||
        (date_field(s, "until", &d) && date_compare(day, d) > 0) ||
        (date_field(s, "dtstart", &d) && date_compare(day, d) < 0))
        return false;
    if (minute < minutes_of(opens) || minute >= minutes_of(closes))
        return false;
    return rule_on_day(s, day);
}

static const char *ordinal_name(int ord)
{
    switch (ord) {
    case 1: return _("eerste");
    case 2: return _("tweede");
    case 3: return _("derde");
    case 4: return _("vierde");
    case 5: return _("vijfde");
    case -1: return _("laatste");
    default: return _("voorlaatste");
    }
}

typedef struct describe_ctx {
    arena *a;
    buf *b;
    int count;
    int total;
} describe_ctx;

static bool count_token(const char *t, size_t n, void *u)
{
    (void)t;
    (void)n;
    ((describe_ctx *)u)->total++;
    return true;
}

static void list_sep(describe_ctx *c)
{
    if (c->count > 0)
        buf_puts(c->b, c->count == c->total - 1 ? _(" en ") : ", ");
    c->count++;
}

static bool describe_day(const char *t, size_t n, void *u)
{
    describe_ctx *c = u;
    int ord, d;
    if (!parse_byday(t, n, &ord, &d))
        return true;
    list_sep(c);
    if (ord)
        buf_printf(c->b, "%s %s", ordinal_name(ord), _(day_names[d]));
    else
        buf_puts(c->b, _(day_names[d]));
    return true;
}

static bool describe_monthday(const char *t, size_t n, void *u)
{
    describe_ctx *c = u;
    list_sep(c);
    buf_append(c->b, t, n);
    return true;
}

/* The weekdays of a plain weekly BYDAY ("MO,TU,WE"), as a bit per day; 0 when it has ordinals or is not plain. */
static unsigned plain_days(const char *byday)
{
    unsigned bits = 0;
    const char *p = byday;
    while (p && *p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        int ord, d;
        if (!parse_byday(p, n, &ord, &d) || ord != 0)
            return 0;
        bits |= 1u << d;
        p = end ? end + 1 : NULL;
    }
    return bits;
}

/* "maandag tot en met vrijdag" when the days are three or more in a row, else NULL. */
static const char *day_range(arena *a, const char *byday)
{
    unsigned bits = plain_days(byday);
    int first = -1, last = -1;
    for (int d = 0; d < 7; d++)
        if (bits & (1u << d)) {
            if (first < 0)
                first = d;
            else if (last != d - 1)
                return NULL;
            last = d;
        }
    if (first < 0 || last - first < 2)
        return NULL;
    return arena_printf(a, _("%s tot en met %s"), _(day_names[first]), _(day_names[last]));
}

char *sm_schedule_describe(arena *a, const hsds_row *s)
{
    buf b = BUF_INIT;
    const char *freq = hsds_get(s, "freq"), *byday = hsds_get(s, "byday"), *bymd = hsds_get(s, "bymonthday");
    bool monthly = freq && strcmp(freq, "MONTHLY") == 0;
    double interval = 1;
    hsds_number_parse(hsds_get(s, "interval"), &interval);
    describe_ctx c = {a, &b, 0, 0};
    const char *range = !monthly && byday ? day_range(a, byday) : NULL;
    if (byday) {
        each_token(byday, count_token, &c);
        if (monthly)
            buf_puts(&b, _("elke "));
        else if (interval > 1)
            buf_printf(&b, _("om de %d weken op "), (int)interval);
        if (range)
            buf_puts(&b, range);
        else
            each_token(byday, describe_day, &c);
        if (monthly)
            buf_puts(&b, _(" van de maand"));
    } else if (bymd && monthly) {
        each_token(bymd, count_token, &c);
        buf_puts(&b, _("op dag "));
        each_token(bymd, describe_monthday, &c);
        buf_puts(&b, _(" van de maand"));
    } else if (freq) {
        buf_puts(&b, monthly ? _("maandelijks") : _("wekelijks"));
    }
    const char *opens = hsds_get(s, "opens_at"), *closes = hsds_get(s, "closes_at");
    if (opens && closes)
        buf_printf(&b, "%s%.5s-%.5s", b.len ? " " : "", opens, closes);
    if (b.len == 0)
        buf_puts(&b, hsds_get(s, "description") ? hsds_get(s, "description") : _("volgens afspraak"));
    else if (hsds_get(s, "description"))
        buf_printf(&b, " (%s)", hsds_get(s, "description"));
    char *out = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    if (out[0])
        out[0] = (char)toupper((unsigned char)out[0]);
    return out;
}

/* ---------------------------------------------------------- ids and words */

static char *uuid_format(arena *a, unsigned char u[16])
{
    u[6] = (unsigned char)((u[6] & 0x0F) | 0x40);
    u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);
    return arena_printf(a, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2],
                        u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

char *sm_uuid_new(arena *a)
{
    unsigned char u[16];
    randombytes_buf(u, sizeof u);
    return uuid_format(a, u);
}

char *sm_uuid_derived(arena *a, const char *seed)
{
    unsigned char u[16];
    static const unsigned char key[] = "wijkteam-socialmap-ids";
    crypto_generichash(u, sizeof u, (const unsigned char *)seed, strlen(seed), key, sizeof key - 1);
    return uuid_format(a, u);
}

static const char *const stop_words[] = {
    "de", "het", "een", "en", "van", "voor", "in", "op", "met", "te", "of", "aan", "bij", "die", "dat", "is",
    "zijn", "je", "jij", "u", "we", "wij", "er", "om", "tot", "als", "naar", "ook", "door", "over", "uit", "the",
    "and", "of", "for", "to", "at", "wat", "wie", "waar", "hoe", "kan", "kunt", "niet", "geen", "nog", "dan", NULL,
};

void sm_words(arena *a, const char *text, void (*fn)(void *u, const char *word), void *u)
{
    if (!text)
        return;
    char *f = text_fold(a, text);
    char *p = f;
    while (*p) {
        while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
            p++;
        char *start = p;
        while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
            p++;
        size_t n = (size_t)(p - start);
        if (n < 2 || n > 40)
            continue;
        char *w = arena_strndup(a, start, n);
        if (!text_in(w, stop_words))
            fn(u, w);
    }
}

/* ---------------------------------------------------------- reading */

static bool may_read(wt_ctx *ctx)
{
    return policy_allows(&ctx->who, PERM_SOCIALMAP_READ, POLICY_NO_TARGET);
}

static bool may_write(wt_ctx *ctx)
{
    return policy_allows(&ctx->who, PERM_SOCIALMAP_WRITE, POLICY_NO_TARGET);
}

wt_status socialmap_service_get(wt_ctx *ctx, const char *key, sm_service *out)
{
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!hsds_uuid_valid(key))
        return WT_NOTFOUND;
    wt_status st = smdb_service_get(ctx->db, ctx->a, key, out);
    if (st == WT_OK)
        out->needs_check = sm_needs_check(out->assured_date, date_today());
    return st;
}

wt_status socialmap_published_get(wt_ctx *ctx, const char *resource, const char *key, hsds_row *out)
{
    const hsds_resource *r = hsds_resource_by_name(resource);
    if (!policy_allows(&ctx->who, PERM_SOCIALMAP_PUBLISHED, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    if (!r || !hsds_uuid_valid(key))
        return WT_NOTFOUND;
    if (strcmp(resource, "service") == 0) {
        sm_service s;
        wt_status st = smdb_service_get(ctx->db, ctx->a, key, &s);
        if (st != WT_OK)
            return st;
        if (!s.published)
            return WT_NOTFOUND;
    } else if (strcmp(resource, "service_at_location") == 0) {
        hsds_row sal;
        sm_service s;
        wt_status st = smdb_get(ctx->db, ctx->a, r, key, &sal);
        if (st == WT_OK)
            st = smdb_service_get(ctx->db, ctx->a, hsds_get(&sal, "service_id"), &s);
        if (st != WT_OK)
            return st;
        if (!s.published)
            return WT_NOTFOUND;
    } else if (strcmp(resource, "organization") != 0 && strcmp(resource, "taxonomy") != 0 &&
               strcmp(resource, "taxonomy_term") != 0) {
        return WT_NOTFOUND;
    }
    return smdb_get(ctx->db, ctx->a, r, key, out);
}

wt_status socialmap_get(wt_ctx *ctx, const char *resource, const char *key, hsds_row *out)
{
    const hsds_resource *r = hsds_resource_by_name(resource);
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!r || !hsds_uuid_valid(key))
        return WT_NOTFOUND;
    return smdb_get(ctx->db, ctx->a, r, key, out);
}

wt_status socialmap_children(wt_ctx *ctx, const char *resource, const char *field, const char *key, hsds_row **out,
                             int *n)
{
    const hsds_resource *r = hsds_resource_by_name(resource);
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!r)
        return WT_NOTFOUND;
    return smdb_where(ctx->db, ctx->a, r, field, key, 500, out, n);
}

wt_status socialmap_list(wt_ctx *ctx, const sm_list_query *lq, hsds_row **out, int *n, long *total)
{
    const hsds_resource *r = hsds_resource_by_name(lq->resource);
    if (!policy_allows(&ctx->who, PERM_SOCIALMAP_PUBLISHED, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    if (!r || (strcmp(lq->resource, "taxonomy") != 0 && strcmp(lq->resource, "taxonomy_term") != 0 &&
               strcmp(lq->resource, "organization") != 0))
        return WT_NOTFOUND;
    const char *search = lq->search && *lq->search ? text_fold(ctx->a, text_trim(ctx->a, lq->search)) : NULL;
    return smdb_list(ctx->db, ctx->a, r, lq, search, out, n, total);
}

wt_status socialmap_organizations(wt_ctx *ctx, const char *q, int limit, int offset, hsds_row **out, int *n,
                                  bool *more)
{
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    const char *prefix = q && *q ? text_fold(ctx->a, text_trim(ctx->a, q)) : NULL;
    wt_status st = smdb_organizations(ctx->db, ctx->a, prefix, limit + 1, offset, out, n);
    *more = st == WT_OK && *n > limit;
    if (*more)
        *n = limit;
    return st;
}

wt_status socialmap_wijkteam_fields(wt_ctx *ctx, const char *resource, const char *key, const char **last_checked,
                                    const char **internal_note)
{
    const hsds_resource *r = hsds_resource_by_name(resource);
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!r)
        return WT_NOTFOUND;
    return smdb_get_wijkteam(ctx->db, ctx->a, r->table, key, last_checked, internal_note);
}

wt_status socialmap_to_check(wt_ctx *ctx, int limit, int offset, sm_service **out, int *n, bool *more)
{
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    char before[11];
    date_format(date_add_days(date_today(), -SM_CHECK_DAYS), before);
    wt_status st = smdb_to_check(ctx->db, ctx->a, before, limit + 1, offset, out, n);
    *more = st == WT_OK && *n > limit;
    if (*more)
        *n = limit;
    for (int i = 0; st == WT_OK && i < *n; i++)
        (*out)[i].needs_check = true;
    return st;
}

wt_status socialmap_referral_counts(wt_ctx *ctx, const char *key, long *received, long *accepted)
{
    *received = *accepted = 0;
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!hsds_uuid_valid(key))
        return WT_NOTFOUND;
    return smdb_referral_counts(ctx->db, ctx->a, key, received, accepted);
}

wt_status socialmap_service_choices(wt_ctx *ctx, const char *text, int limit, sm_choice **out, int *n)
{
    *out = NULL;
    *n = 0;
    sm_query q;
    sm_query_init(&q);
    q.q = text && *text ? text : NULL;
    q.sort = q.q ? "relevance" : "name";
    q.limit = limit > 0 && limit <= 100 ? limit : 20;
    errors e;
    errors_init(&e, ctx->a);
    sm_hit *hits;
    int nh = 0;
    bool more;
    const char *origin;
    wt_status st = socialmap_search(ctx, &q, &e, &hits, &nh, &more, &origin, NULL);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(ctx->a, sizeof(sm_choice) * (size_t)(nh ? nh : 1));
    for (int i = 0; i < nh; i++)
        (*out)[i] = (sm_choice){hits[i].s.id, hits[i].s.name, hits[i].s.organization_id, hits[i].s.organization_name};
    *n = nh;
    return WT_OK;
}

wt_status socialmap_stale(wt_ctx *ctx, const char *resource, int limit, sm_stale **out, int *n)
{
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!sm_checked_kind(resource) || strcmp(resource, "service") == 0)
        return WT_NOTFOUND; /* services: socialmap_to_check */
    char before[11];
    date_format(date_add_days(date_today(), -SM_CHECK_DAYS), before);
    wt_status st = smdb_stale(ctx->db, ctx->a, resource, before, limit, out, n);
    return st == WT_INVALID ? WT_NOTFOUND : st;
}

/* The date of the last check: YYYY-MM-DD, not in the future (NULL or "" is allowed: never checked). */
static void check_date(const char *v, const char *field, errors *e)
{
    wt_date d;
    if (v && *v && !date_parse(v, &d))
        errors_add(e, field, _("Vul een geldige datum in (JJJJ-MM-DD)."));
    else if (v && *v && date_compare(d, date_today()) > 0)
        errors_add(e, field, _("De datum van de laatste controle ligt in de toekomst."));
}

wt_status socialmap_set_checked(wt_ctx *ctx, const char *resource, const char *key, const char *day, errors *e)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    const hsds_resource *r = hsds_resource_by_name(resource);
    bool exists = false;
    if (!r || !hsds_uuid_valid(key) || !sm_checked_kind(resource))
        return WT_NOTFOUND;
    wt_status st = smdb_exists(ctx->db, ctx->a, r, key, &exists);
    if (st != WT_OK)
        return st;
    if (!exists)
        return WT_NOTFOUND;
    check_date(day, "last_checked", e);
    if (e->count)
        return WT_INVALID;
    return smdb_mark_checked(ctx->db, r->table, key, day && *day ? day : NULL, date_now_iso(ctx->a));
}

wt_status socialmap_mark_checked(wt_ctx *ctx, const char *resource, const char *key)
{
    errors e;
    errors_init(&e, ctx->a);
    return socialmap_set_checked(ctx, resource, key, date_today_iso(ctx->a), &e);
}

wt_status socialmap_checked_dates(wt_ctx *ctx, const char *resource, const hsds_row *rows, int n, const char ***dates)
{
    const hsds_resource *r = hsds_resource_by_name(resource);
    *dates = arena_alloc(ctx->a, sizeof(char *) * (size_t)(n ? n : 1));
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!r || !sm_checked_kind(resource))
        return WT_NOTFOUND;
    const char **ids = arena_alloc(ctx->a, sizeof(char *) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        ids[i] = hsds_get(&rows[i], "id");
    return smdb_checked_dates(ctx->db, ctx->a, r->table, ids, n, *dates);
}

wt_status socialmap_terms(wt_ctx *ctx, const char *taxonomy_id, hsds_row **out, int *n)
{
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    return smdb_terms(ctx->db, ctx->a, taxonomy_id, 500, out, n);
}

wt_status socialmap_taxonomies(wt_ctx *ctx, hsds_row **out, int *n)
{
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    return smdb_taxonomies(ctx->db, ctx->a, 100, out, n);
}

wt_status socialmap_contacts(wt_ctx *ctx, const char *field, const char *key, sm_contact_view **out, int *n)
{
    static const char *const owners[] = {"service_id", "organization_id", "location_id", NULL};
    *n = 0;
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    if (!text_in(field, owners))
        return WT_NOTFOUND;
    hsds_row *rows;
    wt_status st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("contact"), field, key, 100, &rows, n);
    if (st != WT_OK)
        return st;
    const char **checked;
    st = socialmap_checked_dates(ctx, "contact", rows, *n, &checked);
    *out = arena_alloc(ctx->a, sizeof(sm_contact_view) * (size_t)(*n ? *n : 1));
    for (int i = 0; st == WT_OK && i < *n; i++) {
        (*out)[i].c = rows[i];
        (*out)[i].last_checked = checked[i];
        st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("phone"), "contact_id", hsds_get(&rows[i], "id"), 20,
                        &(*out)[i].phones, &(*out)[i].n_phones);
    }
    return st;
}

static wt_status location_views(wt_ctx *ctx, const char *service_id, sm_location_view **out, int *n)
{
    hsds_row *sals;
    const hsds_resource *loc = hsds_resource_by_name("location");
    wt_status st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("service_at_location"), "service_id", service_id,
                              50, &sals, n);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(ctx->a, sizeof(sm_location_view) * (size_t)(*n ? *n : 1));
    int k = 0;
    for (int i = 0; st == WT_OK && i < *n; i++) {
        sm_location_view *v = &(*out)[k];
        const char *lid = hsds_get(&sals[i], "location_id");
        if (smdb_get(ctx->db, ctx->a, loc, lid, &v->loc) != WT_OK)
            continue;
        st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("address"), "location_id", lid, 10, &v->addresses,
                        &v->n_addresses);
        if (st == WT_OK)
            st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("schedule"), "location_id", lid, 50, &v->schedules,
                            &v->n_schedules);
        if (st == WT_OK)
            st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("phone"), "location_id", lid, 10, &v->phones,
                            &v->n_phones);
        if (st == WT_OK)
            st = smdb_get_wijkteam(ctx->db, ctx->a, "sm_location", lid, &v->last_checked, NULL);
        if (st == WT_OK)
            st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("schedule"), "service_at_location_id",
                            hsds_get(&sals[i], "id"), 50, &v->sal_schedules, &v->n_sal_schedules);
        k++;
    }
    *n = k;
    return st;
}

wt_status socialmap_service_detail(wt_ctx *ctx, const char *key, sm_service_detail *out)
{
    memset(out, 0, sizeof *out);
    wt_status st = socialmap_service_get(ctx, key, &out->s);
    if (st != WT_OK)
        return st;
    db *c = ctx->db;
    arena *a = ctx->a;
    st = smdb_get(c, a, hsds_resource_by_name("service"), key, &out->service);
    if (st == WT_OK)
        st = smdb_get(c, a, hsds_resource_by_name("organization"), out->s.organization_id, &out->org);
    if (st == WT_OK)
        st = location_views(ctx, key, &out->locs, &out->n_locs);
    if (st == WT_OK)
        st = smdb_where(c, a, hsds_resource_by_name("schedule"), "service_id", key, 50, &out->schedules,
                        &out->n_schedules);
    if (st == WT_OK)
        st = socialmap_contacts(ctx, "service_id", key, &out->contacts, &out->n_contacts);
    if (st == WT_OK)
        st = smdb_where(c, a, hsds_resource_by_name("phone"), "service_id", key, 20, &out->phones, &out->n_phones);
    if (st == WT_OK)
        st = smdb_where(c, a, hsds_resource_by_name("phone"), "organization_id", out->s.organization_id, 20,
                        &out->org_phones, &out->n_org_phones);
    if (st == WT_OK)
        st = smdb_where(c, a, hsds_resource_by_name("language"), "service_id", key, 50, &out->languages,
                        &out->n_languages);
    if (st == WT_OK)
        st = smdb_where(c, a, hsds_resource_by_name("cost_option"), "service_id", key, 20, &out->cost_options,
                        &out->n_cost_options);
    if (st == WT_OK)
        st = smdb_linked_terms(c, a, key, &out->terms, &out->n_terms);
    return st;
}

/* ---------------------------------------------------------- search */

void sm_query_init(sm_query *q)
{
    memset(q, 0, sizeof *q);
    q->age = -1;
    q->km = 2;
    q->limit = SM_PAGE;
}

typedef struct word_list {
    arena *a;
    const char **w;
    int n;
} word_list;

#define SM_QUERY_WORDS 8

char *sm_stem(arena *a, const char *word)
{
    size_t n = strlen(word);
    if (n >= 6 && word[n - 2] == 'e' && word[n - 1] == 'n')
        return arena_strndup(a, word, n - 2); /* schulden -> schuld, opvoeden -> opvoed */
    if (n >= 5 && word[n - 1] == 's' && !strchr("aeiousy", word[n - 2]))
        return arena_strndup(a, word, n - 1); /* ouders -> ouder */
    return arena_strdup(a, word);
}

static void add_query_word(void *u, const char *word_in)
{
    word_list *l = u;
    const char *word = sm_stem(l->a, word_in);
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->w[i], word) == 0)
            return;
    if (l->n < SM_QUERY_WORDS)
        l->w[l->n++] = word;
}

static void validate_query(wt_ctx *ctx, sm_query *q, errors *e)
{
    long ql = q->q ? text_utf8_len(q->q) : 0;
    if (ql < 0 || ql > 200)
        errors_add(e, "q", _("De zoektekst is te lang (hoogstens 200 tekens)."));
    if (q->cost && !code_find(sm_costs, q->cost))
        errors_add(e, "cost", _("Kies gratis, eigen bijdrage of met kosten."));
    if (q->domain && !code_find(sm_life_domains, q->domain))
        errors_add(e, "domain", _("Kies een levensgebied uit de lijst."));
    if (q->target && !code_find(sm_target_groups, q->target))
        errors_add(e, "target", _("Kies een doelgroep uit de lijst."));
    if (q->line && !code_find(sm_lines, q->line))
        errors_add(e, "line", _("Kies eerste of tweede lijn."));
    if (q->language && (strlen(q->language) < 2 || strlen(q->language) > 3 || !isalpha((unsigned char)q->language[0])))
        errors_add(e, "language", _("Kies een taal uit de lijst."));
    if (q->age != -1 && (q->age < 0 || q->age > 120))
        errors_add(e, "age", _("De leeftijd ligt tussen 0 en 120."));
    if (!(q->km >= 0.1 && q->km <= SM_KM_MAX))
        errors_add(e, "km", _("De afstand ligt tussen 0,1 en 100 km."));
    if (q->has_point && !sm_in_netherlands(q->lat, q->lon))
        errors_add(e, "lat", _("Het punt ligt niet in Nederland."));
    if (q->sort && strcmp(q->sort, "distance") != 0 && strcmp(q->sort, "relevance") != 0 && strcmp(q->sort, "name") != 0)
        errors_add(e, "sort", _("Sorteer op afstand, relevantie of naam."));
    if (q->limit < 1 || q->limit > 100)
        q->limit = SM_PAGE;
    if (q->offset < 0 || q->offset > 100000)
        q->offset = 0;
    (void)ctx;
}

char *sm_postcode_normalise(arena *a, const char *in)
{
    char *t = text_trim(a, in);
    if (!t)
        return NULL;
    char out[8];
    int n = 0;
    for (const char *p = t; *p; p++) {
        if (*p == ' ')
            continue;
        if (n >= 6)
            return NULL;
        out[n++] = (char)toupper((unsigned char)*p);
    }
    for (int i = 0; i < n; i++)
        if (i < 4 ? !isdigit((unsigned char)out[i]) : !isupper((unsigned char)out[i]))
            return NULL;
    if (n == 4)
        return arena_strndup(a, out, 4);
    if (n != 6 || out[0] == '0')
        return NULL;
    return arena_printf(a, "%.4s %.2s", out, out + 4);
}

/* The middle of a postcode, without an access check (the callers have one). */
static wt_status postcode_lookup(wt_ctx *ctx, const char *postcode, double *lat, double *lon)
{
    const char *pc = sm_postcode_normalise(ctx->a, postcode);
    if (!pc)
        return WT_NOTFOUND;
    bool found = false;
    wt_status st = smdb_postcode_point(ctx->db, ctx->a, pc, lat, lon, &found);
    if (st == WT_OK && !found && strlen(pc) == 7)
        st = smdb_postcode_point(ctx->db, ctx->a, arena_strndup(ctx->a, pc, 4), lat, lon, &found);
    if (st == WT_OK && !found)
        return WT_NOTFOUND;
    return st;
}

wt_status socialmap_postcode_point(wt_ctx *ctx, const char *postcode, double *lat, double *lon)
{
    if (!may_read(ctx))
        return WT_FORBIDDEN;
    return postcode_lookup(ctx, postcode, lat, lon);
}

/*
 * Resolves the household to a point. Its address is personal data: household_get checks access and logs the
 * read. Addresses without coordinates get the middle of their postcode (see socialmap_postcode_point).
 */
static wt_status household_point(wt_ctx *ctx, sm_query *q, errors *e, const char **origin)
{
    household h;
    wt_status st = household_get(ctx, q->household_id, &h);
    if (st == WT_FORBIDDEN)
        return st;
    if (st == WT_NOTFOUND) {
        errors_add(e, "household", _("Dit huishouden bestaat niet of u hebt er geen toegang toe."));
        return WT_INVALID;
    }
    if (st != WT_OK)
        return st;
    if (h.addr.id != 0 && h.addr.has_coords && sm_in_netherlands(h.addr.lat, h.addr.lon)) {
        q->lat = h.addr.lat;
        q->lon = h.addr.lon;
        *origin = h.name;
    } else if (h.addr.id != 0 && postcode_lookup(ctx, h.addr.postcode, &q->lat, &q->lon) == WT_OK) {
        *origin = arena_printf(ctx->a, _("%s (ligging geschat op de postcode)"), h.name);
    } else {
        errors_add(e, "household", _("Van het adres van dit huishouden is de ligging niet bekend."));
        return WT_INVALID;
    }
    q->has_point = true;
    return WT_OK;
}

/* Resolves a postcode to a point. */
static wt_status postcode_point(wt_ctx *ctx, sm_query *q, errors *e, const char **origin)
{
    const char *pc = sm_postcode_normalise(ctx->a, q->postcode);
    if (!pc) {
        errors_add(e, "postcode", _("Vul een postcode in, zoals 8923 AB of 8923."));
        return WT_INVALID;
    }
    wt_status st = postcode_lookup(ctx, pc, &q->lat, &q->lon);
    if (st == WT_NOTFOUND) {
        errors_add(e, "postcode", _("Op de sociale kaart ligt niets in deze postcode; kies een postcode in de buurt."));
        return WT_INVALID;
    }
    if (st != WT_OK)
        return st;
    q->has_point = true;
    *origin = arena_printf(ctx->a, _("postcode %s"), pc);
    return WT_OK;
}

static int cmp_candidate_id(const void *x, const void *y)
{
    const smdb_candidate *a = x, *b = y;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    return a->lat < b->lat ? -1 : a->lat > b->lat; /* stable enough: distance is recomputed below */
}

typedef struct ranked {
    smdb_candidate *c;
    double km;
} ranked;

/* qsort has no context argument: the sort order of this thread's current search. */
static _Thread_local const char *t_sort;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    const char *sort = t_sort;
    if (strcmp(sort, "best") == 0) { /* each kilometre costs as much as a word in the description */
        double ka = a->c->score - a->km, kb = b->c->score - b->km;
        if (ka != kb)
            return ka > kb ? -1 : 1;
    }
    if (strcmp(sort, "relevance") == 0 && a->c->score != b->c->score)
        return b->c->score - a->c->score;
    if (strcmp(sort, "name") != 0 && a->km != b->km)
        return a->km < b->km ? -1 : 1;
    if (a->c->score != b->c->score)
        return b->c->score - a->c->score;
    int n = strcmp(a->c->name_folded ? a->c->name_folded : "", b->c->name_folded ? b->c->name_folded : "");
    return n ? n : strcmp(a->c->id, b->c->id);
}

/* Keeps the matching candidates (words, radius), one per service (its nearest location), sorted. */
static ranked *rank(arena *a, const sm_query *q, int n_words, smdb_candidate *cs, int n, int *out_n)
{
    ranked *r = arena_alloc(a, sizeof(ranked) * (size_t)(n ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (cs[i].score < 0)
            continue;
        double km = -1;
        if (q->has_point) {
            if (!cs[i].has_point)
                continue;
            km = sm_distance_km(q->lat, q->lon, cs[i].lat, cs[i].lon);
            if (km > q->km)
                continue;
        }
        if (k > 0 && strcmp(r[k - 1].c->id, cs[i].id) == 0) {
            if (km < r[k - 1].km)
                r[k - 1] = (ranked){&cs[i], km};
            continue;
        }
        r[k++] = (ranked){&cs[i], km};
    }
    const char *sort = q->sort ? q->sort : !q->has_point ? "relevance" : n_words > 0 ? "best" : "distance";
    t_sort = sort;
    qsort(r, (size_t)k, sizeof *r, cmp_ranked);
    *out_n = k;
    return r;
}

/* The hits of a page from their candidates, in three queries: the services, their first location where the
   candidate names none, the locations' names and addresses. */
static wt_status fill_hits(wt_ctx *ctx, const smdb_candidate *const *cs, const double *km, int n, sm_hit *out)
{
    if (n == 0)
        return WT_OK;
    arena *a = ctx->a;
    const char **ids = arena_alloc(a, sizeof(char *) * (size_t)n);
    const char **locs = arena_alloc(a, sizeof(char *) * (size_t)n);
    const char **names = arena_alloc(a, sizeof(char *) * (size_t)n);
    const char **addresses = arena_alloc(a, sizeof(char *) * (size_t)n);
    for (int i = 0; i < n; i++)
        ids[i] = cs[i]->id;
    sm_service *svcs;
    int ns = 0;
    wt_status st = smdb_services_by_ids(ctx->db, a, ids, n, &svcs, &ns);
    if (st == WT_OK)
        st = smdb_first_locations(ctx->db, a, ids, n, locs);
    for (int i = 0; i < n; i++)
        if (cs[i]->location_id)
            locs[i] = cs[i]->location_id;
    if (st == WT_OK)
        st = smdb_locations_by_ids(ctx->db, a, locs, n, names, addresses);
    wt_date today = date_today();
    for (int i = 0; st == WT_OK && i < n; i++) {
        sm_hit *h = &out[i];
        memset(h, 0, sizeof *h);
        int k = 0;
        while (k < ns && strcmp(svcs[k].id, ids[i]) != 0)
            k++;
        if (k == ns)
            return WT_NOTFOUND; /* the service went while we read */
        h->s = svcs[k];
        h->s.needs_check = sm_needs_check(h->s.assured_date, today);
        h->distance_km = km[i];
        h->relevance = cs[i]->score;
        h->location_name = names[i];
        h->address = addresses[i];
    }
    return st;
}

/* Keeps the first row of each service (the nearest location, or the first by name); returns how many. */
static int first_per_service(arena *a, const smdb_candidate *cs, int nc, int want, const smdb_candidate ***kept)
{
    *kept = arena_alloc(a, sizeof(smdb_candidate *) * (size_t)(want + 1));
    int k = 0;
    for (int i = 0; i < nc && k < want; i++) {
        bool seen = false;
        for (int j = 0; j < k && !seen; j++)
            seen = strcmp((*kept)[j]->id, cs[i].id) == 0;
        if (!seen)
            (*kept)[k++] = &cs[i];
    }
    return k;
}

/* The first want services within km of the query's point (by distance or by name), one row each. */
static wt_status near_services(wt_ctx *ctx, const sm_query *q, double km, bool by_name, int want,
                               const smdb_candidate ***kept, int *k)
{
    sm_near nr = sm_near_around(q->lat, q->lon, km);
    sm_bbox box = sm_bbox_around(q->lat, q->lon, km);
    int limit = want * 2 + 8;
    for (;;) {
        smdb_candidate *cs;
        int nc = 0;
        wt_status st = smdb_near(ctx->db, ctx->a, q, &box, &nr, by_name, limit, &cs, &nc);
        if (st != WT_OK)
            return st;
        *k = first_per_service(ctx->a, cs, nc, want, kept);
        if (*k >= want || nc < limit)
            return WT_OK;
        limit *= 4; /* services with many locations here: read further */
    }
}

/*
 * A distance search without words ("within 2 km of this household"): the database orders and counts the
 * points by sm_near_d2 and hands over one page. Nearest first in a crowded circle (more than SM_COUNT_UPTO
 * services, or not counted), it looks within an eighth of the distance first and doubles it until it has a
 * page: what lies within a smaller circle is nearer than anything outside it, so the time grows with the page.
 */
static wt_status search_near(wt_ctx *ctx, const sm_query *q, const sm_bbox *box, sm_hit **out, int *n, bool *more,
                             long *total)
{
    bool by_name = q->sort && strcmp(q->sort, "name") == 0;
    int want = q->offset + q->limit + 1;
    sm_near nr = sm_near_around(q->lat, q->lon, q->km);
    long crowded = SM_COUNT_UPTO + 1; /* without a count: as if crowded */
    wt_status st = total ? smdb_near_count(ctx->db, ctx->a, q, box, &nr, &crowded) : WT_OK;
    const smdb_candidate **kept = NULL;
    int k = 0;
    bool crowd = crowded > SM_COUNT_UPTO || (q->count_upto > 0 && crowded > q->count_upto);
    double km = by_name || !crowd ? q->km : q->km / 8;
    for (; st == WT_OK; km *= 2) {
        st = near_services(ctx, q, km < q->km ? km : q->km, by_name, want, &kept, &k);
        if (k >= want || km >= q->km)
            break;
    }
    if (st != WT_OK)
        return st;
    *more = k > q->offset + q->limit;
    int take = k - q->offset;
    take = take < 0 ? 0 : take > q->limit ? q->limit : take;
    *out = arena_alloc(ctx->a, sizeof(sm_hit) * (size_t)(take ? take : 1));
    double *dist = arena_alloc(ctx->a, sizeof(double) * (size_t)(take ? take : 1));
    for (int i = 0; i < take; i++)
        dist[i] = sm_distance_km(q->lat, q->lon, kept[q->offset + i]->lat, kept[q->offset + i]->lon);
    st = fill_hits(ctx, kept + q->offset, dist, take, *out);
    if (total)
        *total = crowded;
    *n = st == WT_OK ? take : 0;
    return st;
}

wt_status socialmap_search(wt_ctx *ctx, sm_query *q, errors *e, sm_hit **out, int *n, bool *more,
                           const char **origin, long *total)
{
    *n = 0;
    *more = false;
    *origin = NULL;
    if (!policy_allows(&ctx->who, q->published_only ? PERM_SOCIALMAP_PUBLISHED : PERM_SOCIALMAP_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    validate_query(ctx, q, e);
    if (e->count)
        return WT_INVALID;
    if (q->household_id || q->postcode) {
        wt_status st = q->household_id ? household_point(ctx, q, e, origin) : postcode_point(ctx, q, e, origin);
        if (st != WT_OK)
            return st;
    }
    word_list wl = {ctx->a, arena_alloc(ctx->a, sizeof(char *) * SM_QUERY_WORDS), 0};
    sm_words(ctx->a, q->q, add_query_word, &wl);
    sm_bbox box;
    if (q->has_point)
        box = sm_bbox_around(q->lat, q->lon, q->km);
    if (q->has_point && wl.n == 0 && !q->modified_after)
        return search_near(ctx, q, &box, out, n, more, total);
    smdb_search_req s = {q, wl.w, wl.n, q->has_point ? &box : NULL, q->limit + 1, q->offset};
    smdb_candidate *cs;
    int nc = 0;
    wt_status st = smdb_search(ctx->db, ctx->a, &s, &cs, &nc);
    if (st != WT_OK)
        return st;
    ranked *r;
    int nr = 0, from = 0;
    if (q->has_point || wl.n > 0) {
        qsort(cs, (size_t)nc, sizeof *cs, cmp_candidate_id);
        r = rank(ctx->a, q, wl.n, cs, nc, &nr);
        from = q->offset;
    } else {
        r = arena_alloc(ctx->a, sizeof(ranked) * (size_t)(nc ? nc : 1));
        for (int i = 0; i < nc; i++)
            r[i] = (ranked){&cs[i], -1};
        nr = nc;
    }
    if (total && (q->has_point || wl.n > 0))
        *total = nr;
    else if (total)
        st = smdb_count_services(ctx->db, ctx->a, q, total);
    int avail = nr - from;
    if (avail < 0)
        avail = 0;
    *more = avail > q->limit;
    int take = avail > q->limit ? q->limit : avail;
    *out = arena_alloc(ctx->a, sizeof(sm_hit) * (size_t)(take ? take : 1));
    const smdb_candidate **page = arena_alloc(ctx->a, sizeof(smdb_candidate *) * (size_t)(take ? take : 1));
    double *km = arena_alloc(ctx->a, sizeof(double) * (size_t)(take ? take : 1));
    for (int i = 0; i < take; i++) {
        page[i] = r[from + i].c;
        km[i] = r[from + i].km;
    }
    if (st == WT_OK)
        st = fill_hits(ctx, page, km, take, *out);
    *n = st == WT_OK ? take : 0;
    return st;
}

/* ---------------------------------------------------------- refresh */

typedef struct word_acc {
    arena *a;
    const char **w;
    int *weight;
    int n, cap;
    int current;
} word_acc;

static void acc_word(void *u, const char *word)
{
    word_acc *acc = u;
    for (int i = 0; i < acc->n; i++)
        if (strcmp(acc->w[i], word) == 0) {
            if (acc->current > acc->weight[i])
                acc->weight[i] = acc->current;
            return;
        }
    if (acc->n >= acc->cap)
        return;
    acc->w[acc->n] = word;
    acc->weight[acc->n++] = acc->current;
}

static void acc_text(word_acc *acc, const char *text, int weight)
{
    acc->current = weight;
    sm_words(acc->a, text, acc_word, acc);
}

static const char *code_set(arena *a, const smdb_service_text *t, const sm_code *list)
{
    buf b = BUF_INIT;
    for (const sm_code *c = list; c->code; c++)
        for (int i = 0; i < t->n_terms; i++)
            if (t->term_codes[i] && strcmp(t->term_codes[i], c->code) == 0) {
                buf_printf(&b, " %s", c->code);
                break;
            }
    char *s = b.len ? arena_printf(a, "%s ", buf_str(&b)) : arena_strdup(a, "");
    buf_free(&b);
    return s;
}

/* The codes of the attached terms of one of wijkteam's taxonomies. */
static const char *taxonomy_codes(arena *a, const smdb_service_text *t, const char *taxonomy, const sm_code *list)
{
    smdb_service_text only = *t;
    only.n_terms = 0;
    only.term_codes = arena_alloc(a, sizeof(char *) * (size_t)(t->n_terms + 1));
    for (int i = 0; i < t->n_terms; i++)
        if (t->term_taxonomies[i] && strcmp(t->term_taxonomies[i], taxonomy) == 0)
            only.term_codes[only.n_terms++] = t->term_codes[i];
    return code_set(a, &only, list);
}

wt_status socialmap_refresh_service(wt_ctx *ctx, const char *service_id)
{
    smdb_service_text t;
    wt_status st = smdb_service_text_get(ctx->db, ctx->a, service_id, &t);
    if (st != WT_OK)
        return st;
    const char *domains = taxonomy_codes(ctx->a, &t, SM_TAXONOMY_DOMAINS, sm_life_domains);
    const char *targets = taxonomy_codes(ctx->a, &t, SM_TAXONOMY_TARGETS, sm_target_groups);
    const char *lines = taxonomy_codes(ctx->a, &t, SM_TAXONOMY_LINE, sm_lines);
    const char *line = sm_set_has(lines, "second") ? "second" : sm_set_has(lines, "first") ? "first" : NULL;
    word_acc acc = {ctx->a, arena_alloc(ctx->a, sizeof(char *) * 400), arena_alloc(ctx->a, sizeof(int) * 400), 0, 400, 0};
    acc_text(&acc, t.name, 3);
    acc_text(&acc, t.alternate_name, 2);
    acc_text(&acc, t.org_name, 2);
    acc_text(&acc, t.org_alternate_name, 2);
    for (int i = 0; i < t.n_terms; i++)
        acc_text(&acc, t.term_names[i], 1);
    acc_text(&acc, t.eligibility, 1);
    acc_text(&acc, t.description, 1);
    const char *cost = sm_cost_set(ctx->a, t.cost_options, t.n_cost_options, t.fees_description);
    st = smdb_service_set_derived(ctx->db, service_id, domains, targets, line, t.has_free_option, cost,
                                  text_fold(ctx->a, t.name), date_now_iso(ctx->a));
    if (st == WT_OK)
        st = smdb_service_words(ctx->db, service_id, acc.w, acc.weight, acc.n);
    if (st == WT_OK)
        st = smdb_service_points(ctx->db, service_id);
    return st;
}

/* ---------------------------------------------------------- maintenance */

static void check_ref(wt_ctx *ctx, const char *resource, const char *id, const char *field, errors *e)
{
    bool exists = false;
    if (!id)
        return;
    if (smdb_exists(ctx->db, ctx->a, hsds_resource_by_name(resource), id, &exists) == WT_OK && !exists)
        errors_add(e, field, _("Dit onderdeel van de sociale kaart bestaat niet."));
}

static void check_long(const char *v, const char *field, errors *e)
{
    long n = v ? text_utf8_len(v) : 0;
    if (n < 0 || n > 4000)
        errors_add(e, field, _("De tekst is te lang (hoogstens 4000 tekens)."));
}

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

/* A phone row with a derived id hanging on owner; NULL number removes it. */
static wt_status save_phone(wt_ctx *ctx, const char *owner_field, const char *owner_id, const char *number,
                            const char *prefix, errors *e, bool check_only)
{
    const hsds_resource *pr = hsds_resource_by_name("phone");
    hsds_row ph = hsds_row_new(ctx->a, pr);
    const char *id = sm_uuid_derived(ctx->a, arena_printf(ctx->a, "%s:%s:phone", owner_field, owner_id));
    if (!nonempty(number))
        return check_only ? WT_OK : smdb_delete(ctx->db, pr, id);
    hsds_set_raw(&ph, "id", id);
    hsds_set_raw(&ph, owner_field, owner_id);
    hsds_set(ctx->a, &ph, "number", number);
    hsds_set_raw(&ph, "type", "voice");
    errors pe;
    errors_init(&pe, ctx->a);
    hsds_validate_row(ctx->a, &ph, NULL, &pe);
    if (errors_get(&pe, "number"))
        errors_add(e, prefix, errors_get(&pe, "number"));
    if (check_only || e->count)
        return WT_OK;
    return smdb_upsert(ctx->db, &ph);
}

bool socialmap_may_write(wt_ctx *ctx)
{
    return may_write(ctx);
}

static void ensure_id(wt_ctx *ctx, hsds_row *row)
{
    if (!hsds_get(row, "id"))
        hsds_set_raw(row, "id", sm_uuid_new(ctx->a));
}

wt_status socialmap_save_organization(wt_ctx *ctx, hsds_row *org, const char *phone, const char *last_checked,
                                      const char *internal_note, errors *e)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    ensure_id(ctx, org);
    hsds_validate_row(ctx->a, org, NULL, e);
    const char *id = hsds_get(org, "id");
    if (hsds_get(org, "parent_organization_id") && strcmp(hsds_get(org, "parent_organization_id"), id) == 0)
        errors_add(e, "parent_organization_id", _("Een organisatie kan niet haar eigen moederorganisatie zijn."));
    else
        check_ref(ctx, "organization", hsds_get(org, "parent_organization_id"), "parent_organization_id", e);
    check_date(last_checked, "last_checked", e);
    check_long(internal_note, "internal_note", e);
    save_phone(ctx, "organization_id", id, phone, "phone", e, true);
    if (e->count)
        return WT_INVALID;
    wt_status st = smdb_upsert(ctx->db, org);
    if (st == WT_OK)
        st = smdb_set_wijkteam(ctx->db, "sm_organization", id, nonempty(last_checked), nonempty(internal_note),
                               text_fold(ctx->a, hsds_get(org, "name")), date_now_iso(ctx->a));
    if (st == WT_OK)
        st = save_phone(ctx, "organization_id", id, phone, "phone", e, false);
    const char **ids;
    int n = 0;
    if (st == WT_OK)
        st = smdb_org_service_ids(ctx->db, ctx->a, id, &ids, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        st = socialmap_refresh_service(ctx, ids[i]);
    return st;
}

static wt_status link_term(wt_ctx *ctx, const char *service_id, const char *term_id)
{
    hsds_row at = hsds_row_new(ctx->a, hsds_resource_by_name("attribute"));
    hsds_set_raw(&at, "id", sm_uuid_derived(ctx->a, arena_printf(ctx->a, "%s:term:%s", service_id, term_id)));
    hsds_set_raw(&at, "link_id", service_id);
    hsds_set_raw(&at, "taxonomy_term_id", term_id);
    hsds_set_raw(&at, "link_type", "service_category");
    hsds_set_raw(&at, "link_entity", "service");
    return smdb_upsert(ctx->db, &at);
}

static void validate_extra(wt_ctx *ctx, const char *org_id, const sm_service_extra *x, errors *e)
{
    for (int i = 0; i < x->n_domains; i++)
        if (!code_find(sm_life_domains, x->domains[i]))
            errors_add(e, "domains", _("Kies levensgebieden uit de lijst."));
    for (int i = 0; i < x->n_targets; i++)
        if (!code_find(sm_target_groups, x->targets[i]))
            errors_add(e, "targets", _("Kies doelgroepen uit de lijst."));
    if (nonempty(x->line) && !code_find(sm_lines, x->line))
        errors_add(e, "line", _("Kies eerste of tweede lijn."));
    for (int i = 0; i < x->n_languages; i++)
        if (!code_find(sm_languages, x->languages[i]))
            errors_add(e, "languages", _("Kies talen uit de lijst."));
    for (int i = 0; i < x->n_own_terms; i++) {
        hsds_row t;
        if (!hsds_uuid_valid(x->own_terms[i]) ||
            smdb_get(ctx->db, ctx->a, hsds_resource_by_name("taxonomy_term"), x->own_terms[i], &t) != WT_OK)
            errors_add(e, "own_terms", _("Een gekozen categorie bestaat niet."));
    }
    for (int i = 0; i < x->n_location_ids; i++) {
        hsds_row l;
        if (!hsds_uuid_valid(x->location_ids[i]) ||
            smdb_get(ctx->db, ctx->a, hsds_resource_by_name("location"), x->location_ids[i], &l) != WT_OK)
            errors_add(e, "locations", _("Een gekozen locatie bestaat niet."));
        else if (org_id && hsds_get(&l, "organization_id") && strcmp(hsds_get(&l, "organization_id"), org_id) != 0)
            errors_add(e, "locations", _("Een gekozen locatie hoort bij een andere organisatie."));
    }
    check_long(x->internal_note, "internal_note", e);
}

static wt_status save_terms(wt_ctx *ctx, const char *id, const sm_service_extra *x)
{
    wt_status st = smdb_delete_service_terms(ctx->db, id, SM_TAXONOMY_DOMAINS);
    if (st == WT_OK)
        st = smdb_delete_service_terms(ctx->db, id, SM_TAXONOMY_TARGETS);
    if (st == WT_OK)
        st = smdb_delete_service_terms(ctx->db, id, SM_TAXONOMY_LINE);
    if (st == WT_OK)
        st = smdb_delete_service_own_terms(ctx->db, id);
    for (int i = 0; st == WT_OK && i < x->n_domains; i++)
        st = link_term(ctx, id, code_find(sm_life_domains, x->domains[i])->term_id);
    for (int i = 0; st == WT_OK && i < x->n_targets; i++)
        st = link_term(ctx, id, code_find(sm_target_groups, x->targets[i])->term_id);
    if (st == WT_OK && nonempty(x->line))
        st = link_term(ctx, id, code_find(sm_lines, x->line)->term_id);
    for (int i = 0; st == WT_OK && i < x->n_own_terms; i++)
        st = link_term(ctx, id, x->own_terms[i]);
    return st;
}

static wt_status save_languages(wt_ctx *ctx, const char *id, const sm_service_extra *x)
{
    const hsds_resource *lr = hsds_resource_by_name("language");
    wt_status st = WT_OK;
    for (const sm_code *c = sm_languages; st == WT_OK && c->code; c++) {
        bool want = false;
        for (int i = 0; i < x->n_languages; i++)
            want = want || strcmp(x->languages[i], c->code) == 0;
        hsds_row *have;
        int n = 0;
        st = smdb_where(ctx->db, ctx->a, lr, "service_id", id, 100, &have, &n);
        bool present = false;
        for (int i = 0; st == WT_OK && i < n; i++) {
            if (!hsds_get(&have[i], "code") || strcmp(hsds_get(&have[i], "code"), c->code) != 0)
                continue;
            present = true;
            if (!want)
                st = smdb_delete(ctx->db, lr, hsds_get(&have[i], "id"));
        }
        if (st == WT_OK && want && !present) {
            hsds_row l = hsds_row_new(ctx->a, lr);
            hsds_set_raw(&l, "id", sm_uuid_derived(ctx->a, arena_printf(ctx->a, "%s:language:%s", id, c->code)));
            hsds_set_raw(&l, "service_id", id);
            hsds_set_raw(&l, "code", c->code);
            hsds_set_raw(&l, "name", _(c->label));
            st = smdb_upsert(ctx->db, &l);
        }
    }
    return st;
}

static wt_status save_free(wt_ctx *ctx, const char *id, bool free_of_charge)
{
    const hsds_resource *cr = hsds_resource_by_name("cost_option");
    hsds_row *have;
    int n = 0;
    bool present = false;
    wt_status st = smdb_where(ctx->db, ctx->a, cr, "service_id", id, 100, &have, &n);
    for (int i = 0; st == WT_OK && i < n; i++) {
        const char *amount = hsds_get(&have[i], "amount");
        if (!amount || strcmp(amount, "0") != 0)
            continue;
        present = true;
        if (!free_of_charge)
            st = smdb_delete(ctx->db, cr, hsds_get(&have[i], "id"));
    }
    if (st == WT_OK && free_of_charge && !present) {
        hsds_row c = hsds_row_new(ctx->a, cr);
        hsds_set_raw(&c, "id", sm_uuid_derived(ctx->a, arena_printf(ctx->a, "%s:free", id)));
        hsds_set_raw(&c, "service_id", id);
        hsds_set_raw(&c, "option", _("Gratis"));
        hsds_set_raw(&c, "currency", "EUR");
        hsds_set_raw(&c, "amount", "0");
        st = smdb_upsert(ctx->db, &c);
    }
    return st;
}

/* Removes a service-at-location with the rows that hang on it. */
static wt_status delete_sal(wt_ctx *ctx, const char *sal_id)
{
    static const char *const deps[] = {"schedule", "phone", "contact", NULL};
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && deps[i]; i++) {
        if (strcmp(deps[i], "contact") == 0) {
            hsds_row *cs;
            int n = 0;
            st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("contact"), "service_at_location_id", sal_id, 500,
                            &cs, &n);
            for (int k = 0; st == WT_OK && k < n; k++)
                st = socialmap_delete(ctx, "contact", hsds_get(&cs[k], "id"));
        } else {
            st = smdb_delete_where(ctx->db, hsds_resource_by_name(deps[i]), "service_at_location_id", sal_id);
        }
    }
    if (st == WT_OK)
        st = smdb_delete(ctx->db, hsds_resource_by_name("service_at_location"), sal_id);
    return st;
}

static wt_status save_locations(wt_ctx *ctx, const char *id, const char *org_id, const sm_service_extra *x)
{
    const hsds_resource *sr = hsds_resource_by_name("service_at_location");
    hsds_row *have;
    int n = 0;
    wt_status st = smdb_where(ctx->db, ctx->a, sr, "service_id", id, 500, &have, &n);
    for (int i = 0; st == WT_OK && i < n; i++) {
        const char *lid = hsds_get(&have[i], "location_id");
        bool want = false;
        for (int k = 0; k < x->n_location_ids; k++)
            want = want || strcmp(x->location_ids[k], lid) == 0;
        hsds_row l;
        bool of_org = smdb_get(ctx->db, ctx->a, hsds_resource_by_name("location"), lid, &l) == WT_OK &&
                      hsds_get(&l, "organization_id") && strcmp(hsds_get(&l, "organization_id"), org_id) == 0;
        if (!want && of_org) /* locations of other organisations are not on the form: kept */
            st = delete_sal(ctx, hsds_get(&have[i], "id"));
    }
    for (int k = 0; st == WT_OK && k < x->n_location_ids; k++) {
        bool present = false;
        for (int i = 0; i < n; i++)
            present = present || strcmp(hsds_get(&have[i], "location_id"), x->location_ids[k]) == 0;
        if (present)
            continue;
        hsds_row sal = hsds_row_new(ctx->a, sr);
        hsds_set_raw(&sal, "id", sm_uuid_derived(ctx->a, arena_printf(ctx->a, "%s:at:%s", id, x->location_ids[k])));
        hsds_set_raw(&sal, "service_id", id);
        hsds_set_raw(&sal, "location_id", x->location_ids[k]);
        st = smdb_upsert(ctx->db, &sal);
    }
    return st;
}

wt_status socialmap_save_service(wt_ctx *ctx, hsds_row *svc, const sm_service_extra *x, errors *e)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    ensure_id(ctx, svc);
    if (!hsds_get(svc, "status"))
        hsds_set_raw(svc, "status", "active");
    hsds_validate_row(ctx->a, svc, NULL, e);
    const char *id = hsds_get(svc, "id");
    const char *org_id = hsds_get(svc, "organization_id");
    check_ref(ctx, "organization", org_id, "organization_id", e);
    check_ref(ctx, "program", hsds_get(svc, "program_id"), "program_id", e);
    validate_extra(ctx, org_id, x, e);
    save_phone(ctx, "service_id", id, x->phone, "phone", e, true);
    if (e->count)
        return WT_INVALID;
    wt_status st = smdb_upsert(ctx->db, svc);
    if (st == WT_OK)
        st = smdb_service_set_internal(ctx->db, id, x->published, nonempty(x->internal_note));
    if (st == WT_OK)
        st = save_terms(ctx, id, x);
    if (st == WT_OK)
        st = save_languages(ctx, id, x);
    if (st == WT_OK)
        st = save_free(ctx, id, x->free_of_charge);
    if (st == WT_OK)
        st = save_locations(ctx, id, org_id, x);
    if (st == WT_OK)
        st = save_phone(ctx, "service_id", id, x->phone, "phone", e, false);
    if (st == WT_OK)
        st = socialmap_refresh_service(ctx, id);
    return st;
}

static bool row_empty(const hsds_row *r)
{
    for (int i = 0; i < r->res->nfields; i++)
        if (r->v[i] && strcmp(r->res->fields[i].name, "id") != 0 && strcmp(r->res->fields[i].name, "location_id") != 0 &&
            strcmp(r->res->fields[i].name, "country") != 0 && strcmp(r->res->fields[i].name, "state_province") != 0 &&
            strcmp(r->res->fields[i].name, "address_type") != 0)
            return false;
    return true;
}

wt_status socialmap_save_location(wt_ctx *ctx, hsds_row *loc, hsds_row *addr, const char *last_checked, errors *e)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    ensure_id(ctx, loc);
    if (!hsds_get(loc, "location_type"))
        hsds_set_raw(loc, "location_type", "physical");
    hsds_validate_row(ctx->a, loc, NULL, e);
    const char *id = hsds_get(loc, "id");
    check_ref(ctx, "organization", hsds_get(loc, "organization_id"), "organization_id", e);
    check_date(last_checked, "last_checked", e);
    bool has_addr = addr && !row_empty(addr);
    if (has_addr) {
        if (!hsds_get(addr, "id"))
            hsds_set_raw(addr, "id", sm_uuid_derived(ctx->a, arena_printf(ctx->a, "%s:address", id)));
        hsds_set_raw(addr, "location_id", id);
        if (!hsds_get(addr, "country"))
            hsds_set_raw(addr, "country", "NL");
        if (!hsds_get(addr, "address_type"))
            hsds_set_raw(addr, "address_type", "physical");
        hsds_validate_row(ctx->a, addr, "address", e);
    }
    if (e->count)
        return WT_INVALID;
    wt_status st = smdb_upsert(ctx->db, loc);
    if (st == WT_OK)
        st = smdb_set_wijkteam(ctx->db, "sm_location", id, nonempty(last_checked), NULL, NULL, date_now_iso(ctx->a));
    if (st == WT_OK && has_addr)
        st = smdb_upsert(ctx->db, addr);
    /* the search points of the services here follow the location's coordinates */
    const char **ids;
    int n = 0;
    if (st == WT_OK)
        st = smdb_location_service_ids(ctx->db, ctx->a, id, &ids, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        st = smdb_service_points(ctx->db, ids[i]);
    return st;
}

wt_status socialmap_save_contact(wt_ctx *ctx, hsds_row *contact, const char *phone, const char *last_checked,
                                 errors *e)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    ensure_id(ctx, contact);
    hsds_validate_row(ctx->a, contact, NULL, e);
    const char *id = hsds_get(contact, "id");
    if (!hsds_get(contact, "service_id") && !hsds_get(contact, "organization_id") && !hsds_get(contact, "location_id"))
        errors_add(e, "service_id", _("Een contactpersoon hoort bij een voorziening, organisatie of locatie."));
    check_ref(ctx, "service", hsds_get(contact, "service_id"), "service_id", e);
    check_ref(ctx, "organization", hsds_get(contact, "organization_id"), "organization_id", e);
    check_ref(ctx, "location", hsds_get(contact, "location_id"), "location_id", e);
    if (!hsds_get(contact, "name") && !hsds_get(contact, "email") && !nonempty(phone))
        errors_add(e, "name", _("Vul een naam, e-mailadres of telefoonnummer in."));
    check_date(last_checked, "last_checked", e);
    save_phone(ctx, "contact_id", id, phone, "phone", e, true);
    if (e->count)
        return WT_INVALID;
    wt_status st = smdb_upsert(ctx->db, contact);
    if (st == WT_OK)
        st = smdb_mark_checked(ctx->db, "sm_contact", id, nonempty(last_checked), NULL);
    if (st == WT_OK)
        st = save_phone(ctx, "contact_id", id, phone, "phone", e, false);
    return st;
}

wt_status socialmap_save_schedule(wt_ctx *ctx, hsds_row *sched, const char *last_checked, errors *e)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    ensure_id(ctx, sched);
    hsds_validate_row(ctx->a, sched, NULL, e);
    check_ref(ctx, "service", hsds_get(sched, "service_id"), "service_id", e);
    check_ref(ctx, "location", hsds_get(sched, "location_id"), "location_id", e);
    check_date(last_checked, "last_checked", e);
    if (e->count)
        return WT_INVALID;
    wt_status st = smdb_upsert(ctx->db, sched);
    if (st == WT_OK)
        st = smdb_mark_checked(ctx->db, "sm_schedule", hsds_get(sched, "id"), nonempty(last_checked), NULL);
    return st;
}

static bool fixed_taxonomy(const char *taxonomy_id)
{
    return taxonomy_id && (strcmp(taxonomy_id, SM_TAXONOMY_DOMAINS) == 0 || strcmp(taxonomy_id, SM_TAXONOMY_TARGETS) == 0 ||
                           strcmp(taxonomy_id, SM_TAXONOMY_LINE) == 0);
}

wt_status socialmap_save_term(wt_ctx *ctx, hsds_row *term, const char *last_checked, errors *e)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    hsds_row old;
    if (hsds_get(term, "id") &&
        smdb_get(ctx->db, ctx->a, hsds_resource_by_name("taxonomy_term"), hsds_get(term, "id"), &old) == WT_OK &&
        fixed_taxonomy(hsds_get(&old, "taxonomy_id"))) {
        errors_add(e, "name", _("De levensgebieden, doelgroepen en lijnen van wijkteam liggen vast."));
        return WT_CONFLICT;
    }
    ensure_id(ctx, term);
    if (!hsds_get(term, "taxonomy_id"))
        errors_add(e, "taxonomy_id", _("Kies een indeling."));
    else if (fixed_taxonomy(hsds_get(term, "taxonomy_id")))
        errors_add(e, "taxonomy_id", _("Aan deze indeling van wijkteam kunt u geen termen toevoegen; kies eigen categorieën."));
    hsds_validate_row(ctx->a, term, NULL, e);
    check_ref(ctx, "taxonomy", hsds_get(term, "taxonomy_id"), "taxonomy_id", e);
    check_ref(ctx, "taxonomy_term", hsds_get(term, "parent_id"), "parent_id", e);
    check_date(last_checked, "last_checked", e);
    if (e->count)
        return WT_INVALID;
    hsds_row tax;
    if (smdb_get(ctx->db, ctx->a, hsds_resource_by_name("taxonomy"), hsds_get(term, "taxonomy_id"), &tax) == WT_OK)
        hsds_set_raw(term, "taxonomy", hsds_get(&tax, "name"));
    wt_status st = smdb_upsert(ctx->db, term);
    if (st == WT_OK)
        st = smdb_mark_checked(ctx->db, "sm_taxonomy_term", hsds_get(term, "id"), nonempty(last_checked), NULL);
    return st;
}

wt_status socialmap_delete(wt_ctx *ctx, const char *resource, const char *key)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    const hsds_resource *r = hsds_resource_by_name(resource);
    bool exists = false;
    if (!r || !hsds_uuid_valid(key) || (strcmp(resource, "schedule") != 0 && strcmp(resource, "contact") != 0))
        return WT_NOTFOUND;
    wt_status st = smdb_exists(ctx->db, ctx->a, r, key, &exists);
    if (st != WT_OK)
        return st;
    if (!exists)
        return WT_NOTFOUND;
    if (strcmp(resource, "contact") == 0) {
        hsds_row *phones;
        int n = 0;
        st = smdb_where(ctx->db, ctx->a, hsds_resource_by_name("phone"), "contact_id", key, 100, &phones, &n);
        for (int i = 0; st == WT_OK && i < n; i++) {
            st = smdb_delete_where(ctx->db, hsds_resource_by_name("language"), "phone_id", hsds_get(&phones[i], "id"));
            if (st == WT_OK)
                st = smdb_delete(ctx->db, hsds_resource_by_name("phone"), hsds_get(&phones[i], "id"));
        }
    }
    return st == WT_OK ? smdb_delete(ctx->db, r, key) : st;
}

wt_status socialmap_set_service_internal(wt_ctx *ctx, const char *key, bool published, const char *internal_note)
{
    if (!may_write(ctx))
        return WT_FORBIDDEN;
    return smdb_service_set_internal(ctx->db, key, published, nonempty(internal_note));
}

wt_status socialmap_published_sals(wt_ctx *ctx, sm_query *q, errors *e, hsds_row **out, int *n, long *total)
{
    *n = 0;
    *total = 0;
    const char *origin = NULL;
    if (!policy_allows(&ctx->who, PERM_SOCIALMAP_PUBLISHED, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    q->published_only = true;
    q->household_id = 0;
    validate_query(ctx, q, e);
    if (e->count)
        return WT_INVALID;
    if (q->postcode) {
        wt_status st = postcode_point(ctx, q, e, &origin);
        if (st != WT_OK)
            return st;
    }
    word_list wl = {ctx->a, arena_alloc(ctx->a, sizeof(char *) * SM_QUERY_WORDS), 0};
    sm_words(ctx->a, q->q, add_query_word, &wl);
    sm_bbox box;
    if (q->has_point)
        box = sm_bbox_around(q->lat, q->lon, q->km);
    smdb_search_req s = {q, wl.w, wl.n, q->has_point ? &box : NULL, q->limit, q->offset};
    return smdb_sal_list(ctx->db, ctx->a, &s, out, n, total);
}
