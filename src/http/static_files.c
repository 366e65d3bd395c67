/* static_files.c - in-memory static assets with content-hashed names. */
#include "static_files.h"
#include "../core/buf.h"
#include "../core/log.h"
#include "../core/xalloc.h"

#include <dirent.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STATIC 64

typedef struct static_file {
    char *name;   /* app.css */
    char *hashed; /* app.3f9a1c2b.css */
    char *url;    /* /static/app.3f9a1c2b.css */
    char *data;
    size_t len;
    const char *mime;
} static_file;

static static_file files[MAX_STATIC];
static int n_files;

static const char *mime_for(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return "application/octet-stream";
    if (strcmp(dot, ".css") == 0)
        return "text/css; charset=utf-8";
    if (strcmp(dot, ".js") == 0)
        return "text/javascript; charset=utf-8";
    if (strcmp(dot, ".svg") == 0)
        return "image/svg+xml";
    if (strcmp(dot, ".png") == 0)
        return "image/png";
    if (strcmp(dot, ".ico") == 0)
        return "image/x-icon";
    if (strcmp(dot, ".woff2") == 0)
        return "font/woff2";
    if (strcmp(dot, ".json") == 0 || strcmp(dot, ".yaml") == 0)
        return strcmp(dot, ".json") == 0 ? "application/json" : "text/yaml; charset=utf-8";
    return "application/octet-stream";
}

static int read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    buf b = BUF_INIT;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    *data = buf_detach(&b, len);
    return 0;
}

int static_load(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        log_warn("msg=\"static directory missing\" dir=\"%s\"", dir);
        return -1;
    }
    struct dirent *e;
    while ((e = readdir(d)) && n_files < MAX_STATIC) {
        if (e->d_name[0] == '.')
            continue;
        buf path = BUF_INIT;
        buf_printf(&path, "%s/%s", dir, e->d_name);
        static_file *f = &files[n_files];
        if (read_file(buf_str(&path), &f->data, &f->len) == 0) {
            unsigned char h[16];
            crypto_generichash(h, sizeof h, (const unsigned char *)f->data, f->len, NULL, 0);
            char hex[33];
            sodium_bin2hex(hex, sizeof hex, h, sizeof h);
            hex[10] = '\0';
            f->name = xstrdup(e->d_name);
            const char *dot = strrchr(e->d_name, '.');
            buf hb = BUF_INIT;
            if (dot)
                buf_printf(&hb, "%.*s.%s%s", (int)(dot - e->d_name), e->d_name, hex, dot);
            else
                buf_printf(&hb, "%s.%s", e->d_name, hex);
            f->hashed = buf_detach(&hb, NULL);
            buf ub = BUF_INIT;
            buf_printf(&ub, "/static/%s", f->hashed);
            f->url = buf_detach(&ub, NULL);
            f->mime = mime_for(e->d_name);
            n_files++;
        }
        buf_free(&path);
    }
    closedir(d);
    return 0;
}

void static_free(void)
{
    for (int i = 0; i < n_files; i++) {
        free(files[i].name);
        free(files[i].hashed);
        free(files[i].url);
        free(files[i].data);
    }
    n_files = 0;
}

const char *static_url(const char *name)
{
    for (int i = 0; i < n_files; i++)
        if (strcmp(files[i].name, name) == 0)
            return files[i].url;
    return name;
}

bool static_find(const char *path, const char **data, size_t *len, const char **mime, bool *hashed)
{
    if (strncmp(path, "/static/", 8) != 0)
        return false;
    const char *name = path + 8;
    for (int i = 0; i < n_files; i++) {
        bool h = strcmp(files[i].hashed, name) == 0;
        if (h || strcmp(files[i].name, name) == 0) {
            *data = files[i].data;
            *len = files[i].len;
            *mime = files[i].mime;
            *hashed = h;
            return true;
        }
    }
    return false;
}
