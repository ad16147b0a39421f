#include "checker/cli/originals_option.h"

#include <gtest/gtest.h>

#include "checker/store/index.h"
#include "tests/support/files.h"

namespace credcheck {
namespace {

using test_support::TempDir;

const std::string kNeither =
    " is neither an originals index (SQLite, from `credcheck index build`) nor a list of "
    "originals (text: one file, directory or URL per line): ";

TEST(OriginalsOptionTest, ListsAndIndexesPass) {
  TempDir tmp;
  EXPECT_EQ(check_originals_file(tmp.file("a.txt", "a.html\nhttps://example.com/x\n")), "");
  EXPECT_EQ(check_originals_file(tmp.file("crlf.txt", "# originals\r\na.html\r\n\tb.html\r\n")), "");
  EXPECT_EQ(check_originals_file(tmp.file("empty.txt", "")), "");
  EXPECT_EQ(check_originals_file(tmp.file("gbk.txt", "\xce\xf7\xbd\xad.html\n")), "");  // 西江 in GBK
  std::string db = tmp.path("o.db");
  std::string err;
  IndexWriter writer;  // an empty index
  ASSERT_TRUE(writer.open(db, &err) && writer.finish(&err)) << err;
  EXPECT_EQ(check_originals_file(db), "");
}

TEST(OriginalsOptionTest, PagesBinariesAndDirectoriesAreRefused) {
  TempDir tmp;
  std::string page = tmp.file("p.html", "\xEF\xBB\xBF\n  <!DOCTYPE html><html>");
  EXPECT_EQ(check_originals_file(page),
            page + kNeither + "it is an HTML or XML page (give pages with --original)");
  std::string pdf = tmp.file("p.pdf", std::string("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\x01\x02", 24));
  EXPECT_EQ(check_originals_file(pdf), pdf + kNeither + "it is binary data");
  EXPECT_EQ(check_originals_file(tmp.dir().string()),
            tmp.dir().string() + " is a directory; give a directory of originals with --original");
  EXPECT_EQ(check_originals_file(tmp.path("none")), tmp.path("none") + ": no such file");
}

}  // namespace
}  // namespace credcheck
