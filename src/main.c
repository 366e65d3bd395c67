/* main.c - the wijkteam program; everything happens in src/app/cli.c. */
#include "app/cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
