// The writer on its own thread writes every original queued, in the order queued.
#include "checker/store/index_queue.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

namespace credcheck {
namespace {

Original numbered(const std::string& input, size_t n) {
  Original o;
  o.input = input;
  o.url = "https://news.example/" + input;
  o.fields.title = "标题" + std::to_string(n);
  o.fields.text = "第" + std::to_string(n) + "篇：港口集装箱吞吐量增长，物流园区企业订单出口产品销售市场需求价格" +
                  std::to_string(n * 7919);
  o.print = fingerprint(o.fields.text);
  return o;
}

class QueuedWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    char t[] = "/tmp/credcheck-queue-XXXXXX";
    dir = mkdtemp(t);
    path = dir + "/originals.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string dir, path;
};

TEST_F(QueuedWriter, WritesEveryOriginalInTheOrderQueued) {
  std::string err;
  {
    QueuedIndexWriter w;
    ASSERT_TRUE(w.open(path, &err)) << err;
    // More than the queue holds and more than one batch, so the caller waits and the
    // writer commits along the way.
    for (size_t i = 0; i < 1200; ++i) ASSERT_TRUE(w.add(numbered("a" + std::to_string(i), i), &err)) << err;
    // The same input again, later: the later one is what the index keeps.
    ASSERT_TRUE(w.add(numbered("a7", 99999), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
    EXPECT_EQ(w.added(), 1201u);
  }
  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  EXPECT_EQ(r.size(), 1200u);
  std::shared_ptr<const Original> o;
  ASSERT_TRUE(r.find("a7", &o, &err)) << err;
  EXPECT_EQ(o->fields.title, "标题99999");
  ASSERT_TRUE(r.find("a1199", &o, &err)) << err;
  EXPECT_EQ(o->fields.title, "标题1199");
}

TEST_F(QueuedWriter, AnIndexThatCannotBeOpenedSaysWhy) {
  std::string err;
  QueuedIndexWriter w;
  EXPECT_FALSE(w.open(dir + "/no/such/dir/x.db", &err));
  EXPECT_NE(err.find("x.db"), std::string::npos) << err;
  w.finish(&err);  // finishing a writer never opened neither hangs nor crashes
}

}  // namespace
}  // namespace credcheck
