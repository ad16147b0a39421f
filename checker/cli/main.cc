#include <iostream>

#include "checker/cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return credcheck::run_cli(argc, argv, std::cin, std::cout, std::cerr);
}
