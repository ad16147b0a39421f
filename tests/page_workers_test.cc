// The page worker pool on the real binary's worker mode: fields cross the wire whole,
// refusals keep their message, and a worker that dies (mid-page or idle) is replaced
// while the pool goes on.
#include "checker/page/page_workers.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "checker/page/extract.h"
#include "checker/page/html.h"
#include "tests/support/files.h"

namespace credcheck {
namespace {

using test_support::repeat;
using test_support::slurp;

PageWorkerOptions options(int workers = 1) {
  PageWorkerOptions o;
  o.program = CREDCHECK_BINARY;
  o.workers = workers;
  return o;
}

std::string compliant() {
  return slurp(std::string(CREDCHECK_SOURCE_DIR) + "/fixtures/xijiang/reprints/compliant.html");
}

Fields in_process(const std::string& html) {
  pugi::xml_document doc;
  std::string err;
  EXPECT_TRUE(parse_html(html, &doc, &err)) << err;
  return extract_fields(doc);
}

void expect_same(const Fields& a, const Fields& b) {
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.source_lines, b.source_lines);
  EXPECT_EQ(a.sources, b.sources);
  EXPECT_EQ(a.bylines, b.bylines);
  EXPECT_EQ(a.authors, b.authors);
  EXPECT_EQ(a.editors, b.editors);
  ASSERT_EQ(a.media_credits.size(), b.media_credits.size());
  for (size_t i = 0; i < a.media_credits.size(); ++i) {
    EXPECT_EQ(a.media_credits[i].credit, b.media_credits[i].credit);
    EXPECT_EQ(a.media_credits[i].src, b.media_credits[i].src);
  }
  EXPECT_EQ(a.original_title, b.original_title);
  EXPECT_EQ(a.canonical, b.canonical);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.text, b.text);
}

TEST(PageWorkers, FieldsAndTextCrossTheWireWhole) {
  PageWorkers pool(options());
  std::string html = compliant();
  Fields f;
  std::string err;
  ASSERT_TRUE(pool.read(html, &f, &err)) << err;
  EXPECT_FALSE(f.text.empty());
  EXPECT_FALSE(f.source_lines.empty());
  expect_same(f, in_process(html));
  // Reused, not restarted, for the next pages.
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(pool.read(html, &f, &err)) << err;
  EXPECT_EQ(pool.started(), 1);
}

TEST(PageWorkers, RefusalKeepsTheGuardsMessage) {
  PageWorkers pool(options());
  Fields f;
  std::string err;
  EXPECT_FALSE(pool.read(repeat("<div>", 300000), &f, &err));
  EXPECT_EQ(err, "page nests elements 300000 deep (limit 2000)");
  ASSERT_TRUE(pool.read(compliant(), &f, &err)) << err;
  EXPECT_EQ(pool.started(), 1);  // a refusal is an answer: the worker stays
}

// The syscall a thread of this process is blocked in, from /proc.
long blocked_in(pid_t tid) {
  std::ifstream f("/proc/self/task/" + std::to_string(tid) + "/syscall");
  long nr = -1;
  f >> nr;
  return nr;
}

TEST(PageWorkers, WorkerKilledMidPageIsReplaced) {
  PageWorkers pool(options());
  Fields f;
  std::string err;
  ASSERT_TRUE(pool.read(compliant(), &f, &err)) << err;
  pid_t pid = pool.idle_pid();
  ASSERT_GT(pid, 0);
  // Stopped, the worker takes the page but never answers: the reader waits in poll()
  // with the page sent. Then it is killed mid-page.
  ASSERT_EQ(kill(pid, SIGSTOP), 0);
  std::atomic<pid_t> tid{0};
  bool ok = true;
  std::string page_err;
  std::thread reader([&] {
    tid = static_cast<pid_t>(syscall(SYS_gettid));
    Fields g;
    ok = pool.read(compliant(), &g, &page_err);
  });
  // Waits (a hang bound, not a timing) until the reader sits in poll().
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  // (Or still in write with the page half sent, if it did not fit the socket's buffer.)
  bool waiting = false;
  long nr = -1;
  while (!waiting && std::chrono::steady_clock::now() < give_up) {
    nr = tid ? blocked_in(tid) : -1;
    waiting = nr == SYS_poll || nr == SYS_ppoll || nr == SYS_write || nr == SYS_writev ||
              nr == SYS_sendmsg || nr == SYS_sendto;
    if (!waiting) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  reader.join();
  EXPECT_TRUE(waiting) << "the reader never waited on the worker: the kill was not mid-page (last syscall "
                       << nr << ")";
  EXPECT_FALSE(ok);
  EXPECT_EQ(page_err, "the parser crashed on this page (signal 9)");
  // The next page gets a new worker and its result.
  ASSERT_TRUE(pool.read(compliant(), &f, &err)) << err;
  EXPECT_FALSE(f.source_lines.empty());
  EXPECT_EQ(pool.started(), 2);
}

// A worker that died between pages is not the next page's fault: it is replaced and
// the page read.
TEST(PageWorkers, WorkerDeadWhileIdleIsReplacedSilently) {
  PageWorkers pool(options());
  Fields f;
  std::string err;
  ASSERT_TRUE(pool.read(compliant(), &f, &err)) << err;
  pid_t pid = pool.idle_pid();
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  // Until it is reaped the dead worker may still take the write; wait for it to die.
  bool dead = false;
  for (int i = 0; i < 6000 && !dead; ++i) {
    char state = 0;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string skip;
    stat >> skip >> skip >> state;
    dead = kill(pid, 0) != 0 || state == 'Z';
    if (!dead) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(dead) << "the worker outlived SIGKILL";
  ASSERT_TRUE(pool.read(compliant(), &f, &err)) << err;
  EXPECT_EQ(pool.started(), 2);
}

// Ctrl-C signals the whole process group, and a container's stop signals every process:
// the scan stops cleanly and lets the pages in flight finish, so a worker must outlive
// both signals and go on serving (it ends when its socket closes).
TEST(PageWorkers, WorkerOutlivesInterruptAndTerminate) {
  PageWorkers pool(options());
  Fields f;
  std::string err;
  ASSERT_TRUE(pool.read(compliant(), &f, &err)) << err;
  pid_t pid = pool.idle_pid();
  ASSERT_GT(pid, 0);
  ASSERT_EQ(kill(pid, SIGINT), 0);
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  ASSERT_TRUE(pool.read(compliant(), &f, &err)) << err;
  EXPECT_EQ(pool.started(), 1);
  EXPECT_EQ(pool.idle_pid(), pid);
}

TEST(PageWorkers, PagesInParallelUseAtMostTheirWorkers) {
  PageWorkers pool(options(2));
  std::string html = compliant();
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        Fields f;
        std::string err;
        if (pool.read(html, &f, &err) && !f.source_lines.empty()) ++good;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(good, 20);
  EXPECT_LE(pool.started(), 2);
}

TEST(PageWorkers, ReasonsNameTheLimit) {
  EXPECT_EQ(memory_reason(size_t{1} << 30), "needed more than 1 GiB");
  EXPECT_EQ(memory_reason(size_t{300} << 20), "needed more than 300 MiB");
  EXPECT_EQ(time_reason(10), "parsing took more than 10 s");
  EXPECT_EQ(time_reason(0.5), "parsing took more than 0.5 s");
}

}  // namespace
}  // namespace credcheck
