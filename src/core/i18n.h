/*
 * i18n.h - marks user-interface text.
 *
 * Every Dutch string a user reads is written as _("...") in the code. `make pot`
 * extracts them all (xgettext) into po/wijkteam.pot, the one catalogue a
 * translator works from; an English catalogue can then be loaded through
 * gettext without touching the code. Until a second language exists the
 * macro is the identity, so it costs nothing at run time.
 */
#ifndef WT_I18N_H
#define WT_I18N_H

#define _(s) (s)
/* For strings in static tables: marked for extraction, translated where used. */
#define N_(s) (s)

#endif
