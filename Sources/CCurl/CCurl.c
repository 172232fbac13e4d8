#include "CCurl.h"

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/* Counts the times the request's header goes out: a run of CURLINFO_HEADER_OUT calls is one send.
   More than one means libcurl sent the request again by itself (a reused connection that died before
   answering). Kept in C: the debug callback fires for every chunk, and needs no Swift. */
static int ccurl_count_sends(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata) {
    (void)handle; (void)data; (void)size;
    struct ccurl_send_counter *counter = userdata;
    if (type == CURLINFO_HEADER_OUT && counter->last_type != CURLINFO_HEADER_OUT) counter->sends += 1;
    counter->last_type = type;
    return 0;
}

CURLcode ccurl_easy_count_sends(CURL *handle, struct ccurl_send_counter *counter) {
    counter->sends = 0;
    counter->last_type = CURLINFO_END;
    CURLcode code = curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, ccurl_count_sends);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_DEBUGDATA, counter);
    /* VERBOSE is what makes libcurl call the debug function; with one set, nothing goes to stderr. */
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);
    return code;
}
