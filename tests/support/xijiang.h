// The 西江日报 fixtures as the end-to-end tests use them, and the setup of a licensed
// partner's CI gate: the pack with the partner's host licensed, and the URL its staged
// files will be published at (--base-url). Without a base URL a local file has no host,
// so unauthorized-reprint stays unchecked and even a compliant page is `unchecked`.
#pragma once

#include <map>
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

// kPack with `host` among its licensees (the partner's by default; 127.0.0.1 for pages a
// test serves itself), written once per host per test binary.
inline std::string licensed_pack(const std::string& host = "www.partner.example") {
  static TempDir dir;
  static std::map<std::string, std::string> written;
  auto [it, fresh] = written.try_emplace(host);
  if (fresh) {
    std::string pack = slurp(kPack);
    size_t at = pack.find("licensees: []");
    EXPECT_NE(at, std::string::npos) << "the pack's empty licensee list was not found";
    if (at != std::string::npos) pack.replace(at, 13, "licensees: [" + host + "]");
    it->second = dir.file("licensed-" + host + ".yaml", pack);
  }
  return it->second;
}

// `scan` as the partner runs it over its staged files, before the options and inputs.
inline std::vector<std::string> partner_scan(const std::string& pack = licensed_pack()) {
  return {"scan", "--rules", pack, "--base-url", kBaseUrl, "--original", kOriginals};
}

}  // namespace credcheck::test_support
