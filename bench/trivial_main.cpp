// The floor for whole-process timings (run_whole_process.sh): a program that does nothing,
// linked like convt (convt_core, CLI11, fmt, the C++ runtime), so that the time it takes is
// process start-up and dynamic loading alone.
#include "text/number_format.h"

int main(int argc, char**) {
  // Referencing fmt and std::string through convt_core keeps libfmt and libstdc++ loaded (the
  // linker drops unused shared libraries); argc is never 1000, so nothing runs.
  if (argc == 1000) return static_cast<int>(convt::format_number(1.0).size());
  return 0;
}
