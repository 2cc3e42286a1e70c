/* mhd.h - libmicrohttpd, loaded when `verdict serve` starts (see mhd.c).
 *
 * Call MHD functions as mhd.MHD_start_daemon(...): the pointers have the
 * types of libmicrohttpd's own declarations.
 */
#ifndef VERDICT_MHD_H
#define VERDICT_MHD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <microhttpd.h>

#include "late_lib.h"

#define MHD_FUNCTIONS(X)                                                                                      \
	X(MHD_start_daemon) X(MHD_stop_daemon) X(MHD_create_response_from_buffer) X(MHD_add_response_header)   \
	X(MHD_queue_response) X(MHD_destroy_response) X(MHD_lookup_connection_value)                          \
	X(MHD_get_connection_info) X(MHD_create_post_processor) X(MHD_post_process)                           \
	X(MHD_destroy_post_processor) X(MHD_suspend_connection) X(MHD_resume_connection)                     \
	X(MHD_get_connection_values)

struct mhd_functions {
	MHD_FUNCTIONS(LATE_DECLARE)
};

extern struct mhd_functions mhd;

/* Loads libmicrohttpd once. Returns 0, or -1 with a message in err. */
int mhd_load(char *err, size_t n);

#endif
