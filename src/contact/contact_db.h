/* contact_db.h - SQL of the case timeline. */
#ifndef WT_CONTACT_DB_H
#define WT_CONTACT_DB_H

#include "../db/db.h"
#include "contact.h"

wt_status contact_db_insert(db *c, int64_t case_id, int64_t user_id, const contact_input *in, int minutes,
                            const char *now, int64_t *id);
wt_status contact_db_get(db *c, arena *a, int64_t id, contact *out);
wt_status contact_db_list(db *c, arena *a, int64_t case_id, int limit, int offset, contact **out, int *n, int *total);

#endif
