/* stub */
#include "socialmap_web.h"
void socialmap_web_routes(void) {}
