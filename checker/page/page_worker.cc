// The worker side of page_workers.h: `credcheck __page-worker MEMORY_BYTES SECONDS`
// reads pages from fd 0 and answers on it, one at a time, until the parent closes it.
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "checker/page/extract.h"
#include "checker/page/html.h"
#include "checker/page/page_wire.h"
#include "checker/page/page_workers.h"

namespace credcheck {
namespace {

using namespace page_wire;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// Any failed allocation (C++'s, and gumbo's: parse_html routes them here) ends the
// worker with a code the parent reads as "needed more than the limit".
[[noreturn]] void out_of_memory() { _exit(kExitOutOfMemory); }
void out_of_time(int) { _exit(kExitTooSlow); }

// A CPU-time timer for this process (every thread: gumbo may run on its own), armed per
// page; RLIMIT_CPU would count the worker's whole life instead.
struct PageTimer {
  timer_t id{};
  bool ok = false;
  explicit PageTimer() {
    struct sigaction sa{};
    sa.sa_handler = out_of_time;
    sigaction(SIGXCPU, &sa, nullptr);
    sigevent ev{};
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGXCPU;
    ok = timer_create(CLOCK_PROCESS_CPUTIME_ID, &ev, &id) == 0;
  }
  void arm(double seconds) {
    if (!ok) return;
    itimerspec t{};
    // Relative to now: the CPU the worker spent before this page does not count.
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    double end = static_cast<double>(now.tv_sec) + now.tv_nsec / 1e9 + seconds;
    t.it_value.tv_sec = static_cast<time_t>(end);
    t.it_value.tv_nsec = static_cast<long>((end - static_cast<double>(t.it_value.tv_sec)) * 1e9);
    timer_settime(id, TIMER_ABSTIME, &t, nullptr);
  }
  void disarm() {
    if (!ok) return;
    itimerspec t{};
    timer_settime(id, 0, &t, nullptr);
  }
};

}  // namespace

int run_page_worker(int argc, char** argv) {
  if (argc != 4) return 2;
  size_t memory = std::strtoull(argv[2], nullptr, 10);
  double seconds = std::strtod(argv[3], nullptr);
  if (memory == 0 || !(seconds > 0)) return 2;
  // Ctrl-C reaches the whole process group, and a container's stop signals every process:
  // the parent stops cleanly and lets the pages in flight finish, so its workers must not
  // die under them. A worker ends when the parent closes its socket (or kills it).
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);  // a worker killed for its page leaves no core
  // One malloc arena: gumbo's thread would reserve another 64 MB of address space. And
  // keep what a page freed for the next one instead of handing it back to the kernel
  // and faulting it in again (that doubled the page faults): the cap bounds it anyway.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  if (!kAddressSanitizer) {  // ASan reserves terabytes of shadow: no cap can hold under it
    rlimit as{memory, memory};
    setrlimit(RLIMIT_AS, &as);
  }
  std::set_new_handler(out_of_memory);
  PageTimer timer;
  std::string page;
  Reply reply;
  for (;;) {
    uint64_t size = 0;
    if (!read_exact(0, &size, sizeof size)) return 0;  // the parent is done
    page.resize(size);
    if (!read_exact(0, page.data(), size)) return 0;
    timer.arm(seconds);
    {
      pugi::xml_document doc;
      std::string err;
      SourceMap source;
      if (parse_html(page, &doc, &err, {}, &source)) {
        Fields fields = extract_fields(doc, &source);
        reply.kind = kFields;
        reply.json = encode_fields(fields);
        reply.text = std::move(fields.text);
      } else {
        reply.kind = kRefused;
        reply.json = std::move(err);
        reply.text.clear();
      }
    }  // the document is freed inside the page's time
    timer.disarm();
    bool sent = false;
    send_reply(0, reply, &sent);
    if (!sent) return 0;
  }
}

}  // namespace credcheck
