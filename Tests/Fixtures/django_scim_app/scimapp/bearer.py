"""The bearer-token check in front of django-scim2's own auth check (which wants `request.user`)."""
import hmac
import os


class ServiceAccount:
    is_authenticated = True
    is_anonymous = False


class AnonymousCaller:
    is_authenticated = False
    is_anonymous = True


class BearerTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.expected = "Bearer " + os.environ["SCIMDECK_TEST_TOKEN"]

    def __call__(self, request):
        given = request.headers.get("Authorization", "")
        matches = hmac.compare_digest(given.encode(), self.expected.encode())
        request.user = ServiceAccount() if matches else AnonymousCaller()
        return self.get_response(request)
