/* log.c - logfmt lines on stderr (see log.h for what may be logged). */
#include "log.h"
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static log_level min_level = LOG_INFO;
static const char *level_names[] = {"debug", "info", "warn", "error"};

void log_set_level(log_level lvl)
{
    min_level = lvl;
}

log_level log_get_level(void)
{
    return min_level;
}

void log_msg(log_level lvl, const char *fmt, ...)
{
    if (lvl < min_level)
        return;
    char ts[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
    buf b = BUF_INIT;
    buf_printf(&b, "ts=%s level=%s ", ts, level_names[lvl]);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    buf_putc(&b, '\n');
    fputs(buf_str(&b), stderr);
    buf_free(&b);
}
