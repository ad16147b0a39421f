// The 西江日报 fixtures as the end-to-end tests use them, and the setup of a licensed
// partner's CI gate: the pack with the partner's host licensed, and the URL its staged
// files will be published at (--base-url). Without a base URL a local file has no host,
// so unauthorized-reprint stays unchecked and even a compliant page is `unchecked`.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/files.h"

namespace credcheck::test_support {

inline const std::string kPack = "rules/xijiang-daily.yaml";
inline const std::string kOriginals = "fixtures/xijiang/originals/";
inline const std::string kReprints = "fixtures/xijiang/reprints/";
inline const std::string kCompliant = kReprints + "compliant.html";
inline const std::string kMissingSource = kReprints + "missing-source.html";
inline const std::string kNameMisuse = kReprints + "name-misuse.html";
inline const std::string kBaseUrl = "https://www.partner.example/news/";

// kPack with www.partner.example among its licensees, written once per test binary.
inline const std::string& licensed_pack() {
  static TempDir dir;
  static const std::string path = [] {
    std::string pack = slurp(kPack);
    size_t at = pack.find("licensees: []");
    EXPECT_NE(at, std::string::npos) << "the pack's empty licensee list was not found";
    if (at != std::string::npos) pack.replace(at, 13, "licensees: [www.partner.example]");
    return dir.file("licensed.yaml", pack);
  }();
  return path;
}

// `scan` as the partner runs it over its staged files, before the options and inputs.
inline std::vector<std::string> partner_scan(const std::string& pack = licensed_pack()) {
  return {"scan", "--rules", pack, "--base-url", kBaseUrl, "--original", kOriginals};
}

}  // namespace credcheck::test_support
