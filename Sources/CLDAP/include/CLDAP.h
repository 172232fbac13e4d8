// Plain C calls over libldap for what Swift cannot call or should not spell out: handle options
// (timeouts, TLS context), StartTLS, a simple bind, and one page of a search with the RFC 2696
// paged-results control. A handle belongs to one thread at a time.
#ifndef SCIMDECK_CLDAP_H
#define SCIMDECK_CLDAP_H

#include <ldap.h>
#include <lber.h>

/// Opens a handle on `url` (ldap:// or ldaps://): LDAPv3, no referral chasing, connect and
/// operation timeouts in seconds, and when `ca_file` is given a TLS context that trusts it alone
/// and demands a valid certificate. Nothing is sent yet. Returns an LDAP result code.
int cldap_open(const char *url, const char *ca_file, int network_timeout_seconds, int operation_timeout_seconds, LDAP **out);

/// StartTLS on an ldap:// handle.
int cldap_start_tls(LDAP *ld);

/// A simple bind with `password` (`length` bytes, not NUL-terminated). An empty DN binds anonymously.
int cldap_simple_bind(LDAP *ld, const char *dn, const char *password, size_t length);

/// One page of a subtree search. `*cookie` is NULL for the first page; on return it holds the
/// server's cookie for the next page, or NULL when this was the last one (free a left-over cookie
/// with ber_bvfree). `page_size` 0 sends no paging control. `*result` gets the entries (free with
/// ldap_msgfree) even when the server ends the search with an error such as sizeLimitExceeded.
/// `show_deleted` adds Active Directory's Show Deleted control (1.2.840.113556.1.4.417, critical):
/// deleted objects (tombstones) are returned too. Returns the search's LDAP result code.
int cldap_search_page(LDAP *ld, const char *base, const char *filter, char **attributes, int page_size,
                      int show_deleted, int timeout_seconds, struct berval **cookie, LDAPMessage **result);

/// The server's or library's diagnostic message for the last operation, or NULL; free with ldap_memfree.
char *cldap_diagnostic(LDAP *ld);

/// Ends the session and frees the handle.
void cldap_close(LDAP *ld);

#endif
