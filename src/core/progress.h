/*
 * progress.h - a progress bar on stderr for long command-line work
 * (wijkteam migrate, the city-scale demo generator).
 *
 *   progress p;
 *   progress_start(&p, "copying", total);
 *   for (...) progress_update(&p, done, "person");
 *   progress_finish(&p);
 *
 * On a terminal the bar is redrawn in place at most ten times a second:
 *   copying [##########..........]  52%  1234567/2345678  person  0:42
 * On a pipe or a file (a log, a test) it writes a plain line at every tenth of
 * the way instead, so the output stays readable.
 */
#ifndef WT_PROGRESS_H
#define WT_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct progress {
    const char *label;
    int64_t total;
    int64_t done;
    bool tty;
    double started;   /* monotonic seconds */
    double last_draw; /* monotonic seconds of the last redraw */
    int last_tenth;   /* last tenth written on a pipe */
} progress;

void progress_start(progress *p, const char *label, int64_t total);
/* done of total; detail (may be NULL) names what is being worked on. */
void progress_update(progress *p, int64_t done, const char *detail);
/* Draws the final state and ends the line. */
void progress_finish(progress *p);
/* Seconds since progress_start. */
double progress_elapsed(const progress *p);

#endif
