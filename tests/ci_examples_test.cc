// ci/examples/: every file is valid YAML, every credcheck command line in them parses
// (the real binary's option parser, with --dry-run), and the files the CI systems pick up
// (SARIF for code scanning, JUnit for GitLab) are the ones credcheck is told to write.
#include <gtest/gtest.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>

#include "tests/support/run_binary.h"

namespace credcheck {
namespace {

using test_support::run_credcheck;
using test_support::TempDir;
namespace fs = std::filesystem;

const fs::path kExamples = fs::path(CREDCHECK_SOURCE_DIR) / "ci" / "examples";

// Words of one shell command line as the shell would pass them (quotes removed, no
// expansion: "$RUNNER_TEMP/x" stays as written, which an option parser takes as a path).
std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '#' && !in_word) {
      break;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// Every `credcheck ...` command in a script (lines joined at a trailing backslash).
std::vector<std::vector<std::string>> credcheck_commands(const std::string& script) {
  std::vector<std::vector<std::string>> out;
  std::string logical, line;
  std::istringstream in(script);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\\') {
      logical += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    logical += line;
    std::vector<std::string> words = shell_words(logical);
    logical.clear();
    if (!words.empty() && words[0] == "credcheck") out.emplace_back(words.begin() + 1, words.end());
  }
  return out;
}

// Every shell script in a CI file: GitHub's `run`, GitLab's `script`, `before_script`, `after_script`.
void each_script(const YAML::Node& node, const std::function<void(const std::string&)>& f, bool script = false) {
  if (node.IsScalar() && script) f(node.Scalar());
  else if (node.IsSequence()) for (const auto& n : node) each_script(n, f, script);
  else if (node.IsMap())
    for (const auto& kv : node) {
      std::string key = kv.first.Scalar();
      each_script(kv.second, f, key == "run" || key == "script" || key == "before_script" || key == "after_script");
    }
}

// The value of `--report FORMAT=FILE` for `format` in a command, or "".
std::string report_file(const std::vector<std::string>& args, const std::string& format) {
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--report" && args[i + 1].rfind(format + "=", 0) == 0) return args[i + 1].substr(format.size() + 1);
  return "";
}

// Runs each command with --dry-run in a workspace shaped like the repository the
// examples live in: credcheck.yaml at its root, an originals list named originals.db.
void expect_commands_parse(const fs::path& file, const std::vector<std::vector<std::string>>& commands) {
  TempDir work;
  fs::copy_file(kExamples / "credcheck.yaml", work.dir() / "credcheck.yaml");
  work.file("originals.db", "originals/\n");
  std::string here = fs::current_path().string();
  ASSERT_EQ(chdir(work.dir().c_str()), 0);
  for (std::vector<std::string> args : commands) {
    std::string shown;
    for (const auto& a : args) shown += " " + a;
    args.push_back("--dry-run");
    auto r = run_credcheck(args);
    EXPECT_EQ(r.code, 0) << file << ": credcheck" << shown << "\n" << r.err;
    EXPECT_NE(r.err.find("the options are valid"), std::string::npos) << r.err;
  }
  ASSERT_EQ(chdir(here.c_str()), 0);
}

TEST(CiExamples, EveryFileIsYamlAndEveryCommandParses) {
  size_t files = 0, commands = 0;
  for (const auto& e : fs::recursive_directory_iterator(kExamples)) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file() || (e.path().extension() != ".yml" && e.path().extension() != ".yaml")) continue;
    YAML::Node doc;
    ASSERT_NO_THROW(doc = YAML::LoadFile(e.path().string())) << e.path();
    ASSERT_TRUE(doc.IsMap()) << e.path();
    // A Kubernetes object (the indexed-job recipe): its fields are checked by examples_test.cc.
    if (doc["apiVersion"]) continue;
    ++files;
    if (name == "credcheck.yaml") continue;  // a config, read by the commands that name it
    std::vector<std::vector<std::string>> found;
    each_script(doc, [&](const std::string& s) {
      for (auto& c : credcheck_commands(s)) found.push_back(std::move(c));
    });
    EXPECT_FALSE(found.empty()) << e.path() << " runs no credcheck command";
    commands += found.size();
    expect_commands_parse(e.path(), found);
  }
  EXPECT_EQ(files, 4u);
  EXPECT_GE(commands, 3u);
}

TEST(CiExamples, TheFilesCiPicksUpAreTheOnesWritten) {
  // GitHub: the SARIF uploaded to code scanning is the one the nightly scan writes.
  YAML::Node nightly = YAML::LoadFile((kExamples / "github" / "credcheck-nightly.yml").string());
  std::string sarif_written, sarif_uploaded;
  for (const auto& step : nightly["jobs"]["scan"]["steps"]) {
    if (step["run"])
      for (const auto& c : credcheck_commands(step["run"].Scalar()))
        if (std::string f = report_file(c, "sarif"); !f.empty()) sarif_written = f;
    if (step["uses"] && step["uses"].Scalar().rfind("github/codeql-action/upload-sarif", 0) == 0)
      sarif_uploaded = step["with"]["sarif_file"].Scalar();
  }
  EXPECT_FALSE(sarif_written.empty());
  EXPECT_EQ(sarif_uploaded, sarif_written);
  // GitLab: the JUnit report it reads is the one credcheck.yaml lists.
  YAML::Node gitlab = YAML::LoadFile((kExamples / "gitlab" / ".gitlab-ci.yml").string());
  YAML::Node config = YAML::LoadFile((kExamples / "credcheck.yaml").string());
  EXPECT_EQ(gitlab["credcheck"]["artifacts"]["reports"]["junit"].Scalar(), config["reports"]["junit"].Scalar());
}

TEST(CiExamples, ABadCommandLineIsCaught) {
  // The check itself can fail: a misspelt option does not parse.
  TempDir work;
  auto r = run_credcheck({"scan", "--rules", "p.yaml", "--reprot", "md=x.md", "a.html", "--dry-run"});
  EXPECT_EQ(r.code, 2) << r.err;
  r = run_credcheck({"scan", "--rules", "p.yaml", "--report", "pdf=x.pdf", "a.html", "--dry-run"});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(shell_words("a 'b c' \"d\"e # f"), (std::vector<std::string>{"a", "b c", "de"}));
}

}  // namespace
}  // namespace credcheck
