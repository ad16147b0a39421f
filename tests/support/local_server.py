"""A threaded HTTP server on 127.0.0.1, on a free port it prints ("PORT N") for the test
that started it, quiet about clients that hang up mid-answer."""
from http.server import ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up mid-answer are part of what these tests do


def serve(handler):
    server = QuietServer(("127.0.0.1", 0), handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()
