"""Migrates a fresh SQLite database and serves the project on 127.0.0.1:PORT (argv[1]) with Django's
threaded development server. Exits when its stdin closes, so it never outlives the test process."""
import os
import sys
import threading


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    port = sys.argv[1]
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scimapp.settings")
    os.environ.setdefault("SCIMDECK_DJANGO_NETLOC", "127.0.0.1:" + port)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("runserver", "127.0.0.1:" + port, use_reloader=False, skip_checks=True)


if __name__ == "__main__":
    try:
        main()
    except BaseException:
        import traceback
        traceback.print_exc()
        sys.stderr.flush()
        # Not sys.exit: the stdin watcher is still reading, and the interpreter's shutdown would wait on it.
        os._exit(1)
