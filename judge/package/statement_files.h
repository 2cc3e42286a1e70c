/* statement_files.h - a statement's images and PDF: which may be stored at import and served, and as what. */
#ifndef VERDICT_STATEMENT_FILES_H
#define VERDICT_STATEMENT_FILES_H

#include <stddef.h>

#define STATEMENT_IMAGE_MAX_BYTES (4 << 20)  /* one image; a larger one is refused */
#define STATEMENT_IMAGES_MAX 100             /* images in one statement */
#define STATEMENT_PDF_MAX_BYTES (32 << 20)   /* the PDF statement */

/* The Content-Type a statement image called name is served with, or NULL
 * when name is not one Verdict stores: 1 to 100 letters, digits, '_', '-'
 * or '.', not starting with '.' or '-', ending in .png, .jpg, .jpeg, .gif
 * or .svg (any case). The one check, for import and for the web. */
const char *statement_image_type(const char *name);

/* Stores the statement's images (the files of statement_dir that
 * statement_image_type accepts; others, such as the .tex or .md itself,
 * are left) in images_dir (created here), and its PDF
 * (problem.en.pdf, else problem.pdf), if any, as pdf_path. Regular files
 * only, each bounded above. Returns 0, or -1 with the file at fault in err,
 * named as rel_dir/NAME. */
int statement_files_store(const char *statement_dir, const char *rel_dir, const char *images_dir, const char *pdf_path,
			  char *err, size_t n);

#endif
