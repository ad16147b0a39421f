// The pack loader's budgets (PackLimits): each hostile pack is generated here, never
// committed, and refused with file:line:col and the budget it passed. Work is counted
// (allocations), never timed.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "checker/rules/pack.h"
#include "tests/support/files.h"

// Allocation counting for the linearity test: replaces the global operator new/delete
// of this test binary. ASan owns operator new in sanitizer builds, so there the
// replacement is left out and the test says it is skipped.
namespace {
std::atomic<size_t> g_allocations{0};
}  // namespace

#if defined(__SANITIZE_ADDRESS__)
#define CREDCHECK_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CREDCHECK_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef CREDCHECK_COUNT_ALLOCATIONS
#define CREDCHECK_COUNT_ALLOCATIONS 1
#endif

#if CREDCHECK_COUNT_ALLOCATIONS
#if defined(__GNUC__) && !defined(__clang__)
// GCC sees operator delete free() what it takes for operator new's memory; here both
// are malloc's.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t size) { return operator new(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size ? size : 1);
}
void* operator new[](size_t size, const std::nothrow_t& t) noexcept { return operator new(size, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
#endif

namespace credcheck {
namespace {

using test_support::repeat;
using test_support::TempDir;

const std::string kHead = "pack: test\npublisher:\n  name: 西江日报\n";

// A source-credit rule `id` accepting `accept` (YAML flow or block text after "accept:").
std::string rule(const std::string& id, const std::string& accept) {
  return "  - id: " + id + "\n    kind: source-credit\n    clause: \"1\"\n    message: m\n"
         "    quote: q\n    accept: " + accept + "\n";
}

// `n` ordinary rules, each with its own pattern.
std::string ordinary_pack(size_t n) {
  std::string text = kHead + "rules:\n";
  for (size_t i = 0; i < n; ++i) text += rule("r" + std::to_string(i), "[西江日报" + std::to_string(i) + "]");
  return text;
}

struct Loaded {
  bool ok = false;
  std::string err;  // with the temp path written as "P"
  Pack pack;
};

Loaded load(const std::string& text, const PackLimits& limits = PackLimits()) {
  TempDir dir;
  std::string path = dir.file("pack.yaml", text);
  Loaded l;
  l.ok = load_pack(path, limits, &l.pack, &l.err);
  if (l.err.rfind(path, 0) == 0) l.err = "P" + l.err.substr(path.size());
  return l;
}

TEST(PackLimitsTest, DefaultsAreTheDocumentedOnes) {
  PackLimits l;
  EXPECT_EQ(l.max_file_bytes, 4u << 20);
  EXPECT_EQ(l.max_text_bytes, 16u << 20);
  EXPECT_EQ(l.max_rules, 10'000u);
  EXPECT_EQ(l.max_patterns, 20'000u);
  EXPECT_EQ(l.max_pattern_bytes, 1u << 20);
  EXPECT_EQ(l.max_pattern_program, 1'000'000u);
}

TEST(PackLimitsTest, TheFoundingPackIsFarBelowEveryBudget) {
  PackLimits quarter;  // a real pack should fit in a quarter of each budget... or far less
  quarter.max_file_bytes = 64 << 10;
  quarter.max_text_bytes = 64 << 10;
  quarter.max_rules = 100;
  quarter.max_patterns = 100;
  quarter.max_pattern_bytes = 16 << 10;
  quarter.max_pattern_program = 20'000;
  Pack pack;
  std::string err;
  EXPECT_TRUE(load_pack(std::string(CREDCHECK_SOURCE_DIR) + "/rules/xijiang-daily.yaml", quarter,
                        &pack, &err))
      << err;
}

TEST(PackLimitsTest, FileOverTheSizeBudgetIsRefusedBeforeParsing) {
  // Comment lines: were the file parsed, it would fail on the missing keys instead.
  std::string big = repeat("# padding padding padding padding padding padding padding\n",
                           (4 << 20) / 58 + 1);
  Loaded l = load(big);
  EXPECT_FALSE(l.ok);
  EXPECT_EQ(l.err, "P:1:1: the pack is 4.0 MiB (" + std::to_string(big.size()) +
                       " bytes); a pack may be at most 4 MiB");
  PackLimits small;
  small.max_file_bytes = 100;
  EXPECT_EQ(load(std::string(101, '#'), small).err,
            "P:1:1: the pack is 101 bytes; a pack may be at most 100 bytes");
  EXPECT_FALSE(load(kHead + "rules:\n" + rule("a", "[x]"), small).ok);
}

TEST(PackLimitsTest, AliasesOfAHugeScalarAreRefusedNotCopied) {
  // The pack: 10,000 aliases of a 1M-character name cost 23.7 GB when each was
  // copied. Counted as read, it passes the 16 MiB text budget at the 17th alias.
  std::string pack = kHead + "  names:\n    - &big " + std::string(1'000'000, 'x') + "\n" +
                     repeat("    - *big\n", 10'000) + "rules:\n" + rule("a", "[x]");
  Loaded l = load(pack);
  EXPECT_FALSE(l.ok);
  EXPECT_EQ(l.err, "P:5:7: the pack's text passes 16 MiB with every alias expanded (each use "
                   "of an alias counts again), the most a pack may hold");
}

TEST(PackLimitsTest, AliasesWithinTheBudgetStillWork) {
  std::string pack = kHead + "  names:\n    - &n 西江日報\n    - *n\nrules:\n" +
                     rule("a", "[&p 西江日报]") + rule("b", "[*p]");
  Loaded l = load(pack);
  ASSERT_TRUE(l.ok) << l.err;
  EXPECT_EQ(l.pack.publisher.names, (std::vector<std::string>{"西江日报", "西江日報", "西江日報"}));
  EXPECT_EQ(l.pack.rules.size(), 2u);
}

TEST(PackLimitsTest, NestedAliasesAreCountedAsExpanded) {
  // Each level repeats the one before ten times: 10^8 scalars once expanded, 1 KB of
  // text as written. The walk stops at the budget instead of expanding them.
  // (The keys x1..x8 are not pack keys: they would be refused after the text budget.)
  std::string pack = kHead + "  names: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
  for (int i = 1; i <= 8; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    pack += "x" + std::to_string(i) + ": &l" + std::to_string(i) + " [" + prev;
    for (int k = 1; k < 10; ++k) pack += ", " + prev;
    pack += "]\n";
  }
  Loaded l = load(pack);
  EXPECT_FALSE(l.ok);
  EXPECT_NE(l.err.find("the pack's text passes 16 MiB with every alias expanded"),
            std::string::npos)
      << l.err;
}

TEST(PackLimitsTest, AliasThatContainsItselfEnds) {
  // yaml-cpp registers an anchor before its content, so this sequence holds itself.
  PackLimits small;
  small.max_text_bytes = 1000;
  Loaded l = load(kHead + "  names: &s [a, *s]\nrules:\n" + rule("a", "[x]"), small);
  EXPECT_FALSE(l.ok);
  EXPECT_FALSE(l.err.empty());
}

TEST(PackLimitsTest, RuleCountBudget) {
  Loaded ok = load(ordinary_pack(10'000));
  ASSERT_TRUE(ok.ok) << ok.err;
  EXPECT_EQ(ok.pack.rules.size(), 10'000u);
  EXPECT_EQ(load(ordinary_pack(10'001)).err,
            "P:5:3: 'rules' holds 10001 rules; a pack may hold at most 10000");
}

TEST(PackLimitsTest, PatternCountBudget) {
  // The 20,000 aliases of one pattern, as many small ones: count refused.
  std::string pack = kHead + "rules:\n" + rule("a", "\n      - &p 'a'\n" + repeat("      - *p\n", 20'000));
  Loaded l = load(pack);
  EXPECT_FALSE(l.ok);
  // yaml-cpp gives an alias the position of its anchor: the error points at the value
  // that is repeated.
  EXPECT_EQ(l.err, "P:11:9: a pack may hold at most 20000 RE2 patterns");
  PackLimits small;
  small.max_patterns = 2;
  EXPECT_TRUE(load(kHead + "rules:\n" + rule("a", "[x, y]"), small).ok);
  EXPECT_EQ(load(kHead + "rules:\n" + rule("a", "[x]") + rule("b", "[y, z]"), small).err,
            "P:16:17: a pack may hold at most 2 RE2 patterns");
}

TEST(PackLimitsTest, PatternBytesBudget) {
  // 20,000 aliases of one 200-byte pattern: 4 MB of patterns (within the text budget),
  // refused at 1 MiB instead of compiled 20,000 times.
  std::string big = repeat("(a|b)", 40);
  std::string pack = kHead + "rules:\n" + rule("a", "\n      - &p '" + big + "'\n" +
                                                        repeat("      - *p\n", 20'000));
  Loaded l = load(pack);
  EXPECT_FALSE(l.ok);
  EXPECT_EQ(l.err, "P:11:9: the pack's RE2 patterns pass 1 MiB in all, the most a pack may hold");
  PackLimits small;
  small.max_pattern_bytes = 10;
  EXPECT_TRUE(load(kHead + "rules:\n" + rule("a", "[abcde, fghij]"), small).ok);
  EXPECT_EQ(load(kHead + "rules:\n" + rule("a", "[abcde, fghijk]"), small).err,
            "P:10:21: the pack's RE2 patterns pass 10 bytes in all, the most a pack may hold");
}

TEST(PackLimitsTest, CompiledSizeBudget) {
  // Short to write, large to compile: \pL{10} is 7 bytes and about 12,000 instructions.
  PackLimits small;
  small.max_pattern_program = 30'000;
  EXPECT_TRUE(load(kHead + "rules:\n" + rule("a", "['\\pL{10}', '\\pL{10}']"), small).ok);
  Loaded l = load(kHead + "rules:\n" + rule("a", "['\\pL{10}', '\\pL{10}', '\\pL{10}']"), small);
  EXPECT_FALSE(l.ok);
  EXPECT_EQ(l.err.substr(0, l.err.find(" (")),
            "P:10:36: the pack's RE2 patterns compile to more than 30000 instructions in all, "
            "the most a pack may hold");
}

TEST(PackLimitsTest, BudgetsAreCountedPerLoad) {
  PackLimits small;
  small.max_patterns = 1;
  std::string one = kHead + "rules:\n" + rule("a", "[x]");
  EXPECT_TRUE(load(one, small).ok);
  EXPECT_TRUE(load(one, small).ok);  // the first load's pattern is not charged again
}

TEST(PackLimitsTest, LoadingIsLinearInThePack) {
  if (!CREDCHECK_COUNT_ALLOCATIONS) GTEST_SKIP() << "allocation counting is left out under ASan";
  auto allocations = [](size_t rules) {
    TempDir dir;
    std::string path = dir.file("pack.yaml", ordinary_pack(rules));
    Pack pack;
    std::string err;
    size_t before = g_allocations.load();
    EXPECT_TRUE(load_pack(path, &pack, &err)) << err;
    return g_allocations.load() - before;
  };
  size_t small = allocations(1'000), large = allocations(4'000);
  ASSERT_GT(small, 1'000u);  // the counter counts
  // Linear: 4x the rules, about 4x the work (4.1x measured). The quadratic loader, which
  // merged the whole document's node set into every rule's params, fails this.
  EXPECT_LT(static_cast<double>(large) / static_cast<double>(small), 5.0)
      << small << " allocations for 1,000 rules, " << large << " for 4,000";
}

}  // namespace
}  // namespace credcheck
