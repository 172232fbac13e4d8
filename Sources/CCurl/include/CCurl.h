// Typed wrappers for libcurl's variadic functions, which Swift cannot call.
#ifndef SCIMDECK_CCURL_H
#define SCIMDECK_CCURL_H

#include <curl/curl.h>

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *userdata);

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);

/// How many times a transfer sent its request (see ccurl_easy_count_sends).
struct ccurl_send_counter {
    long sends;
    curl_infotype last_type;
};

/// Makes the handle count in `counter` each time it sends the request's header (verbose mode with a
/// debug function of the shim's own). `counter` must outlive the transfer.
CURLcode ccurl_easy_count_sends(CURL *handle, struct ccurl_send_counter *counter);

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

#endif
