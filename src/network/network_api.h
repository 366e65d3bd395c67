/* network_api.h - the JSON API of the neighbourhood network (see network_api.c). */
#ifndef WT_NETWORK_API_H
#define WT_NETWORK_API_H

void network_api_routes(void);

#endif
