#include "checker/fetch/evidence.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace credcheck {
namespace {

namespace fs = std::filesystem;

TEST(Sha256, KnownVectors) {
  // FIPS 180-2's examples.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string with_nul("a\0b", 3);
  EXPECT_NE(sha256_hex(with_nul), sha256_hex("a"));
}

TEST(PageStore, KeepsBytesUnderTheirHash) {
  fs::path dir = fs::temp_directory_path() / ("credcheck-pages-" + std::to_string(getpid()));
  fs::remove_all(dir);
  PageStore store;
  std::string err;
  ASSERT_TRUE(store.open((dir / "sub").string(), &err)) << err;
  std::string bytes = "<html>\xB1\xEA\xCC\xE2</html>";  // GBK bytes, kept as they came
  std::string sha = sha256_hex(bytes);
  ASSERT_TRUE(store.save(sha, bytes, &err)) << err;
  ASSERT_TRUE(store.save(sha, bytes, &err)) << err;  // again: already there
  std::ifstream in(store.path_of(sha), std::ios::binary);
  std::stringstream back;
  back << in.rdbuf();
  EXPECT_EQ(back.str(), bytes);
  size_t files = 0;
  for (auto& e : fs::directory_iterator(dir / "sub")) ++files, (void)e;
  EXPECT_EQ(files, 1u);  // no probe or partial file left behind
  EXPECT_FALSE(store.save("short", bytes, &err));
  fs::remove_all(dir);
}

TEST(PageStore, RefusesAFolderItCannotCreate) {
  fs::path file = fs::temp_directory_path() / ("credcheck-notdir-" + std::to_string(getpid()));
  std::ofstream(file) << "x";
  PageStore store;
  std::string err;
  EXPECT_FALSE(store.open((file / "pages").string(), &err));
  EXPECT_NE(err.find("--save-pages"), std::string::npos) << err;
  EXPECT_FALSE(store.enabled());
  fs::remove(file);
}

}  // namespace
}  // namespace credcheck
