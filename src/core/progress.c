/* progress.c - a progress bar on stderr (see progress.h). */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define BAR_WIDTH 24

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(progress *p, const char *label, int64_t total)
{
    p->label = label;
    p->total = total > 0 ? total : 0;
    p->done = 0;
    p->tty = isatty(STDERR_FILENO) == 1;
    p->started = now_seconds();
    p->last_draw = 0;
    p->last_tenth = -1;
}

double progress_elapsed(const progress *p)
{
    return now_seconds() - p->started;
}

static int percent(const progress *p)
{
    if (p->total == 0)
        return 100;
    int64_t d = p->done < p->total ? p->done : p->total;
    return (int)(d * 100 / p->total);
}

static void draw(const progress *p, const char *detail)
{
    int pct = percent(p);
    int filled = pct * BAR_WIDTH / 100;
    char bar[BAR_WIDTH + 1];
    for (int i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    int secs = (int)progress_elapsed(p);
    fprintf(stderr, "\r%s [%s] %3d%%  %lld/%lld  %-24.24s %d:%02d\033[K", p->label, bar, pct, (long long)p->done,
            (long long)p->total, detail ? detail : "", secs / 60, secs % 60);
    fflush(stderr);
}

void progress_update(progress *p, int64_t done, const char *detail)
{
    p->done = done;
    if (p->tty) {
        double t = now_seconds();
        if (t - p->last_draw < 0.1)
            return;
        p->last_draw = t;
        draw(p, detail);
        return;
    }
    int tenth = percent(p) / 10;
    if (tenth == p->last_tenth)
        return;
    p->last_tenth = tenth;
    fprintf(stderr, "%s %3d%%  %lld/%lld  %s\n", p->label, tenth * 10, (long long)p->done, (long long)p->total,
            detail ? detail : "");
}

void progress_finish(progress *p)
{
    if (p->tty) {
        draw(p, "");
        fputc('\n', stderr);
        return;
    }
    if (p->last_tenth != percent(p) / 10)
        progress_update(p, p->done, "");
}
