/*
 * specview: a licensed program's licence screen, in C, on license.h.
 *
 *   specview LICENSE_FILE TRUST_FILE MACHINE_ID COMMAND [ARGS]
 *
 * MACHINE_ID "-" reads the operating system's. COMMAND is one of
 *   init SERIAL PRODUCT [REGISTRATION_CODE] | create-code | enter-code CODE | status |
 *   get-it-now SERVER_URL | decode CODE |
 *   seats-claim ENTITLEMENT HOLDER [LEASE_MINUTES] | seats-release ENTITLEMENT HOLDER | seats
 * Prints the result on stdout; on failure prints the error JSON on stderr
 * and exits with the library's status (the `license` command's exit code).
 *
 * Build (Linux): cc specview.c -I crates/license-ffi/include \
 *   -L target/debug -llicense_ffi -o specview   (LD_LIBRARY_PATH=target/debug)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "license.h"

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, f) != (size_t)size) { free(text); text = NULL; }
    if (text) text[size] = '\0';
    fclose(f);
    return text;
}

/* Prints the last error of `h` (NULL: of license_open) and returns `status`. */
static int fail(license_handle *h, int status) {
    char *error = NULL;
    if (license_last_error_json(h, &error) == LICENSE_OK) {
        fprintf(stderr, "%s\n", error);
        license_string_free(error);
    }
    return status;
}

/* Prints a string the library handed out, then frees it. */
static void print_and_free(char *s) {
    printf("%s\n", s);
    license_string_free(s);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: specview LICENSE_FILE TRUST_FILE MACHINE_ID COMMAND [ARGS]\n");
        return 2;
    }
    const char *command = argv[4];
    char *trust = read_file(argv[2]);
    if (!trust) { fprintf(stderr, "cannot read %s\n", argv[2]); return 1; }

    char *out = NULL;
    int status;
    if (strcmp(command, "decode") == 0 && argc == 6) {
        status = license_decode_json(argv[5], trust, &out);
        free(trust);
        if (status != LICENSE_OK) return fail(NULL, status);
        print_and_free(out);
        return 0;
    }

    license_handle *h = NULL;
    const char *machine = strcmp(argv[3], "-") == 0 ? NULL : argv[3];
    status = license_open(argv[1], trust, machine, &h);
    free(trust);
    if (status != LICENSE_OK) return fail(NULL, status);

    if (strcmp(command, "init") == 0 && (argc == 7 || argc == 8)) {
        /* The registration code from the purchase email, asked for once. */
        status = argc == 8 ? license_init_with_registration_code(h, argv[5], argv[6], argv[7])
                           : license_init(h, argv[5], argv[6]);
        if (status == LICENSE_OK) printf("installed at update 0\n");
    } else if (strcmp(command, "create-code") == 0) {
        status = license_create_code(h, &out);
    } else if (strcmp(command, "enter-code") == 0 && argc == 6) {
        status = license_enter_code(h, argv[5], &out);
    } else if (strcmp(command, "status") == 0) {
        status = license_status_json(h, &out);
    } else if (strcmp(command, "get-it-now") == 0 && argc == 6) {
        /* 0 also when nothing was waiting: then "nothing_waiting": true. */
        status = license_get_it_now(h, argv[5], &out);
    } else if (strcmp(command, "seats-claim") == 0 && (argc == 7 || argc == 8)) {
        /* A client of this primary server asks for a seat of the count (e.g. clients). */
        status = argc == 8 ? license_seat_claim_leased(h, argv[5], argv[6], (uint32_t)strtoul(argv[7], NULL, 10))
                           : license_seat_claim(h, argv[5], argv[6]);
        if (status == LICENSE_OK) printf("%s holds a seat of %s\n", argv[6], argv[5]);
    } else if (strcmp(command, "seats-release") == 0 && argc == 7) {
        status = license_seat_release(h, argv[5], argv[6]);
        if (status == LICENSE_OK) printf("%s released its seat of %s\n", argv[6], argv[5]);
    } else if (strcmp(command, "seats") == 0) {
        status = license_seats_json(h, &out);
    } else {
        fprintf(stderr, "unknown command or wrong arguments: %s\n", command);
        license_close(h);
        return 2;
    }
    if (status != LICENSE_OK) {
        /* After a failure the library has set `out` to NULL: nothing to free. */
        fail(h, status);
    } else if (out) {
        print_and_free(out);
    }
    license_close(h);
    return status;
}
