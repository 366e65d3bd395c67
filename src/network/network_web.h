/* network_web.h - the pages of the neighbourhood network (see network_web.c) and its eco-map (network_svg.c). */
#ifndef WT_NETWORK_WEB_H
#define WT_NETWORK_WEB_H

#include "../core/buf.h"
#include "network.h"

#include "../http/request.h"

void network_web_routes(void);
/* The start page's block of match follow-ups due within NETWORK_DUE_DAYS or overdue (nothing when none). */
void network_home_block(http_request *req);
/* The eco-map of a household as inline SVG, with a text legend; the relations table is its text alternative. */
void network_svg_ecomap(buf *b, arena *a, const char *household_name, const int64_t *members, int n_members,
                        const net_relation *rels, int n);

#endif
