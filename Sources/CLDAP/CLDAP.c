#include "CLDAP.h"
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

int cldap_open(const char *url, const char *ca_file, int network_timeout_seconds, int operation_timeout_seconds, LDAP **out) {
    *out = NULL;
    LDAP *ld = NULL;
    int rc = ldap_initialize(&ld, url);
    if (rc != LDAP_SUCCESS) return rc;
    int version = LDAP_VERSION3;
    ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
    struct timeval network = { network_timeout_seconds, 0 };
    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &network);
    struct timeval operation = { operation_timeout_seconds, 0 };
    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &operation);
    if (ca_file != NULL && ca_file[0] != '\0') {
        int demand = LDAP_OPT_X_TLS_DEMAND;
        rc = ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE, ca_file);
        if (rc == LDAP_SUCCESS) rc = ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
        // The options above take effect only in a new TLS context of this handle.
        int server = 0;
        if (rc == LDAP_SUCCESS) rc = ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &server);
        if (rc != LDAP_SUCCESS) {
            ldap_unbind_ext_s(ld, NULL, NULL);
            return rc;
        }
    }
    *out = ld;
    return LDAP_SUCCESS;
}

int cldap_start_tls(LDAP *ld) {
    return ldap_start_tls_s(ld, NULL, NULL);
}

int cldap_simple_bind(LDAP *ld, const char *dn, const char *password, size_t length) {
    struct berval credentials = { (ber_len_t)length, (char *)password };
    return ldap_sasl_bind_s(ld, dn, LDAP_SASL_SIMPLE, &credentials, NULL, NULL, NULL);
}

#define CLDAP_SHOW_DELETED_OID "1.2.840.113556.1.4.417"

int cldap_search_page(LDAP *ld, const char *base, const char *filter, char **attributes, int page_size,
                      int show_deleted, int timeout_seconds, struct berval **cookie, LDAPMessage **result) {
    *result = NULL;
    LDAPControl *page = NULL;
    LDAPControl deleted = { (char *)CLDAP_SHOW_DELETED_OID, { 0, NULL }, 1 };
    LDAPControl *controls[3] = { NULL, NULL, NULL };
    int count = 0;
    int rc;
    if (page_size > 0) {
        // Not critical: a server without paging answers the whole search (or says sizeLimitExceeded).
        rc = ldap_create_page_control(ld, page_size, *cookie, 0, &page);
        if (rc != LDAP_SUCCESS) return rc;
        controls[count++] = page;
    }
    if (show_deleted) controls[count++] = &deleted;
    struct timeval timeout = { timeout_seconds, 0 };
    rc = ldap_search_ext_s(ld, base, LDAP_SCOPE_SUBTREE, filter, attributes, 0, count > 0 ? controls : NULL, NULL,
                           timeout_seconds > 0 ? &timeout : NULL, 0, result);
    if (page != NULL) ldap_control_free(page);
    if (*cookie != NULL) {
        ber_bvfree(*cookie);
        *cookie = NULL;
    }
    if (*result == NULL) return rc;

    int code = rc;
    LDAPControl **answered = NULL;
    int parsed = ldap_parse_result(ld, *result, &code, NULL, NULL, NULL, &answered, 0);
    if (parsed != LDAP_SUCCESS) return parsed;
    if (answered != NULL) {
        LDAPControl *response = ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, answered, NULL);
        if (response != NULL) {
            ber_int_t estimate = 0;
            struct berval next = { 0, NULL };
            if (ldap_parse_pageresponse_control(ld, response, &estimate, &next) == LDAP_SUCCESS) {
                if (next.bv_len > 0) {
                    struct berval *kept = ber_memalloc(sizeof(struct berval));
                    if (kept != NULL) {
                        *kept = next;
                        *cookie = kept;
                    } else {
                        ber_memfree(next.bv_val);
                        code = LDAP_NO_MEMORY;
                    }
                } else if (next.bv_val != NULL) {
                    ber_memfree(next.bv_val);
                }
            }
        }
        ldap_controls_free(answered);
    }
    return code;
}

char *cldap_diagnostic(LDAP *ld) {
    char *message = NULL;
    if (ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &message) != LDAP_OPT_SUCCESS) return NULL;
    return message;
}

void cldap_close(LDAP *ld) {
    if (ld != NULL) ldap_unbind_ext_s(ld, NULL, NULL);
}
