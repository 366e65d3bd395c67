/* date.c - ISO dates (see date.h). */
#include "date.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

static bool fixed_today_set;
static wt_date fixed_today;

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

bool date_parse(const char *s, wt_date *out)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    wt_date d;
    d.y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    d.m = (s[5] - '0') * 10 + (s[6] - '0');
    d.d = (s[8] - '0') * 10 + (s[9] - '0');
    if (d.y < 1900 || d.y > 2200 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > days_in_month(d.y, d.m))
        return false;
    *out = d;
    return true;
}

void date_format(wt_date d, char out[11])
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u, (unsigned)d.d % 100u);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

wt_date date_today(void)
{
    if (fixed_today_set)
        return fixed_today;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    wt_date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    return d;
}

void date_set_today(const char *iso)
{
    fixed_today_set = iso && date_parse(iso, &fixed_today);
}

int date_compare(wt_date a, wt_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

/* Howard Hinnant's days_from_civil. */
long date_to_days(wt_date d)
{
    int y = d.m <= 2 ? d.y - 1 : d.y;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

wt_date date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    wt_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

wt_date date_add_days(wt_date d, long n)
{
    return date_from_days(date_to_days(d) + n);
}

int date_age(wt_date birth, wt_date on)
{
    int age = on.y - birth.y;
    if (on.m < birth.m || (on.m == birth.m && on.d < birth.d))
        age--;
    return age;
}

char *date_today_iso(arena *a)
{
    char *s = arena_alloc(a, 11);
    date_format(date_today(), s);
    return s;
}

char *date_now_iso(arena *a)
{
    return date_iso_in(a, 0);
}

char *date_iso_in(arena *a, long seconds)
{
    time_t t = time(NULL) + (time_t)seconds;
    struct tm tm;
    gmtime_r(&t, &tm);
    char ts[32];
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return arena_strdup(a, ts);
}

char *date_display_time(arena *a, const char *ts)
{
    struct tm tm = {0};
    const char *end = ts ? strptime(ts, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
    if (!end || *end)
        return date_display(a, ts);
    time_t t = timegm(&tm);
    struct tm local;
    localtime_r(&t, &local);
    char day[11], hm[6];
    strftime(day, sizeof day, "%Y-%m-%d", &local);
    strftime(hm, sizeof hm, "%H:%M", &local);
    return arena_printf(a, "%s %s %s", date_display(a, day), _("om"), hm);
}

char *date_display(arena *a, const char *iso)
{
    static const char *months[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                   "augustus", "september", "oktober", "november", "december"};
    wt_date d;
    if (!iso || strlen(iso) < 10)
        return arena_strdup(a, iso ? iso : "");
    char day[11];
    memcpy(day, iso, 10);
    day[10] = '\0';
    if (!date_parse(day, &d))
        return arena_strdup(a, iso);
    return arena_printf(a, "%d %s %d", d.d, months[d.m - 1], d.y);
}
