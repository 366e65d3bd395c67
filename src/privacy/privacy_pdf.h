/*
 * privacy_pdf.h - the resident's file (privacy.h) as a PDF for the resident:
 * A4, Dutch, every section with its records, wrapped text, page numbers.
 */
#ifndef WT_PRIVACY_PDF_H
#define WT_PRIVACY_PDF_H

#include "../core/buf.h"
#include "privacy.h"

/* Appends the PDF to out; WT_DBERROR when cairo fails. */
wt_status privacy_pdf(const pf_file *f, arena *a, buf *out);
/* Frees the font caches of cairo and fontconfig at exit (no PDF may be in the making). */
void privacy_pdf_shutdown(void);

#endif
