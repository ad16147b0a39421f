// The scaling recipes in ci/examples/ hold: the Kubernetes indexed Job has the fields the
// Job API requires (kubectl is not here: it is read as YAML), and the GNU parallel
// recipe's output equals one process's scan of the same list.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>

#include "tests/support/jsonl.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using test_support::kOriginals;
using test_support::kPack;
using test_support::kReprints;
using test_support::lines_of;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;
using test_support::without_times;

TEST(Examples, KubernetesIndexedJobHasTheFieldsTheJobApiRequires) {
  YAML::Node job = YAML::LoadFile("ci/examples/k8s-indexed-job.yaml");
  EXPECT_EQ(job["apiVersion"].as<std::string>(""), "batch/v1");
  EXPECT_EQ(job["kind"].as<std::string>(""), "Job");
  EXPECT_FALSE(job["metadata"]["name"].as<std::string>("").empty());
  YAML::Node spec = job["spec"];
  ASSERT_TRUE(spec.IsMap());
  EXPECT_EQ(spec["completionMode"].as<std::string>(""), "Indexed");
  int completions = spec["completions"].as<int>(0);
  EXPECT_GT(completions, 0) << "an Indexed Job needs completions";
  EXPECT_GT(spec["parallelism"].as<int>(0), 0);
  YAML::Node pod = spec["template"]["spec"];
  ASSERT_TRUE(pod.IsMap()) << "spec.template.spec is required";
  std::string restart = pod["restartPolicy"].as<std::string>("");
  EXPECT_TRUE(restart == "Never" || restart == "OnFailure") << "a Job's pods must not restart Always";
  ASSERT_TRUE(pod["containers"].IsSequence());
  ASSERT_GE(pod["containers"].size(), 1u);
  std::string command;
  for (const YAML::Node& c : pod["containers"]) {
    EXPECT_FALSE(c["name"].as<std::string>("").empty());
    EXPECT_FALSE(c["image"].as<std::string>("").empty());
    for (const char* key : {"command", "args"})
      for (const YAML::Node& part : c[key]) command += part.as<std::string>() + " ";
    for (const YAML::Node& m : c["volumeMounts"]) {
      bool declared = false;
      for (const YAML::Node& v : pod["volumes"]) declared |= v["name"].as<std::string>("") == m["name"].as<std::string>("");
      EXPECT_TRUE(declared) << "volumeMount " << m["name"].as<std::string>("") << " names no volume";
    }
  }
  // The shard count matches the completions, and each pod writes its own shard.
  EXPECT_NE(command.find("--shards " + std::to_string(completions) + " "), std::string::npos) << command;
  EXPECT_NE(command.find("$JOB_COMPLETION_INDEX"), std::string::npos) << command;
}

TEST(Examples, ParallelMapperRecipeEqualsOneProcess) {
  if (std::system("command -v parallel >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "GNU parallel is not installed (ci/setup installs it)";
  TempDir tmp;
  std::string list;
  for (const auto& e : std::filesystem::directory_iterator(kReprints))
    if (e.path().extension() == ".html") list += e.path().string() + "\n";
  std::string list_file = tmp.file("list.txt", list), out = tmp.path("out.jsonl");
  std::string cmd = "CREDCHECK=" CREDCHECK_BINARY " ci/examples/parallel-mapper.sh " + list_file + " " + kPack +
                    " " + out + " 3 -- --original " + kOriginals + " 2>" + tmp.path("err");
  ASSERT_EQ(std::system(cmd.c_str()), 0) << slurp(tmp.path("err"));
  auto one = run_credcheck({"scan", "-q", "--rules", kPack, "--original", kOriginals, "-f", "jsonl", "@" + list_file});
  auto ordered = run_credcheck({"report", "-f", "jsonl", "--in", tmp.file("one.jsonl", one.out)});
  auto from_parallel = lines_of(slurp(out));
  EXPECT_GT(from_parallel.size(), 10u);
  EXPECT_EQ(without_times(nlohmann::json(from_parallel)), without_times(nlohmann::json(lines_of(ordered.out))));
}

}  // namespace
}  // namespace credcheck
