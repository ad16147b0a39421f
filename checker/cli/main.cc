#include <iostream>
#include <string_view>

#include "checker/cli/cli.h"
#include "checker/page/page_workers.h"

int main(int argc, char** argv) {
  // A page worker started by this binary (checker/page/page_workers.h): no CLI at all.
  if (argc > 1 && argv[1] == credcheck::kPageWorkerMode) return credcheck::run_page_worker(argc, argv);
  std::ios::sync_with_stdio(false);
  return credcheck::run_cli(argc, argv, std::cin, std::cout, std::cerr);
}
