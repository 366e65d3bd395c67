/* routes.h - registers every route of every domain (see routes.c). */
#ifndef WT_ROUTES_H
#define WT_ROUTES_H

void routes_register(void);

#endif
